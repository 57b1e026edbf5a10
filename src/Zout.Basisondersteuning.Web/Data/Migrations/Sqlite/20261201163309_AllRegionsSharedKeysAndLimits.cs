using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Zout.Basisondersteuning.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AllRegionsSharedKeysAndLimits : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Rescued forms are kept for a day at most and had no school: the new ones must name theirs.
            migrationBuilder.Sql("DELETE FROM RescuedForms;");

            migrationBuilder.AddColumn<int>(
                name: "SchoolId",
                table: "RescuedForms",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<bool>(
                name: "AllRegions",
                table: "AspNetUsers",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            // Zero regions used to mean all regions: those consultants keep their access, now as an explicit choice.
            migrationBuilder.Sql("UPDATE AspNetUsers SET AllRegions = 1 WHERE Role = 2 AND NOT EXISTS (SELECT 1 FROM UserRegions WHERE UserRegions.AppUserId = AspNetUsers.Id);");

            migrationBuilder.CreateTable(
                name: "DataProtectionKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FriendlyName = table.Column<string>(type: "TEXT", nullable: true),
                    Xml = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataProtectionKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RateLimitCounters",
                columns: table => new
                {
                    Key = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RateLimitCounters", x => x.Key);
                });

            migrationBuilder.CreateIndex(
                name: "IX_RescuedForms_SchoolId",
                table: "RescuedForms",
                column: "SchoolId");

            migrationBuilder.CreateIndex(
                name: "IX_RateLimitCounters_ExpiresAt",
                table: "RateLimitCounters",
                column: "ExpiresAt");

        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {

            migrationBuilder.DropTable(
                name: "DataProtectionKeys");

            migrationBuilder.DropTable(
                name: "RateLimitCounters");

            migrationBuilder.DropIndex(
                name: "IX_RescuedForms_SchoolId",
                table: "RescuedForms");

            migrationBuilder.DropColumn(
                name: "SchoolId",
                table: "RescuedForms");

            migrationBuilder.DropColumn(
                name: "AllRegions",
                table: "AspNetUsers");
        }
    }
}

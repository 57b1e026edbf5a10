using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Zout.Basisondersteuning.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ScanSummaries : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ScanSummaries",
                columns: table => new
                {
                    ScanId = table.Column<int>(type: "INTEGER", nullable: false),
                    SchoolId = table.Column<int>(type: "INTEGER", nullable: false),
                    SchoolYearId = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Stamp = table.Column<long>(type: "INTEGER", nullable: false),
                    Levels = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Offering = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Finances = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScanSummaries", x => x.ScanId);
                    table.ForeignKey(
                        name: "FK_ScanSummaries_Scans_ScanId",
                        column: x => x.ScanId,
                        principalTable: "Scans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ScanSummaries_SchoolYearId_SchoolId",
                table: "ScanSummaries",
                columns: new[] { "SchoolYearId", "SchoolId" });

            migrationBuilder.CreateIndex(
                name: "IX_ScanSummaries_Stamp",
                table: "ScanSummaries",
                column: "Stamp");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ScanSummaries");
        }
    }
}

using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Zout.Basisondersteuning.Web.Data.Migrations.SqlServer
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
                    ScanId = table.Column<int>(type: "int", nullable: false),
                    SchoolId = table.Column<int>(type: "int", nullable: false),
                    SchoolYearId = table.Column<int>(type: "int", nullable: false),
                    Status = table.Column<int>(type: "int", nullable: false),
                    Stamp = table.Column<long>(type: "bigint", nullable: false),
                    Levels = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    Offering = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    Finances = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false)
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

using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Zout.Basisondersteuning.Web.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class ScanSummaryScoresAndKeyFigures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Agreements",
                table: "ScanSummaries",
                type: "nvarchar(4000)",
                maxLength: 4000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "ChangeCapacity",
                table: "ScanSummaries",
                type: "nvarchar(4000)",
                maxLength: 4000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "Format",
                table: "ScanSummaries",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "KeyFigures",
                table: "ScanSummaries",
                type: "nvarchar(2000)",
                maxLength: 2000,
                nullable: false,
                defaultValue: "");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Agreements",
                table: "ScanSummaries");

            migrationBuilder.DropColumn(
                name: "ChangeCapacity",
                table: "ScanSummaries");

            migrationBuilder.DropColumn(
                name: "Format",
                table: "ScanSummaries");

            migrationBuilder.DropColumn(
                name: "KeyFigures",
                table: "ScanSummaries");
        }
    }
}

using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Zout.Basisondersteuning.Web.Data.Migrations.Sqlite
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
                type: "TEXT",
                maxLength: 4000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "ChangeCapacity",
                table: "ScanSummaries",
                type: "TEXT",
                maxLength: 4000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "Format",
                table: "ScanSummaries",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "KeyFigures",
                table: "ScanSummaries",
                type: "TEXT",
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

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Zout.Basisondersteuning.Web.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class Scans : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "IsClosed",
                table: "SchoolYears",
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ScanClosesOn",
                table: "SchoolYears",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ScanOpensOn",
                table: "SchoolYears",
                type: "date",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "DevelopmentPoints",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    SchoolId = table.Column<int>(type: "int", nullable: false),
                    SchoolYearId = table.Column<int>(type: "int", nullable: false),
                    DomainKey = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    AspectKey = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Title = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    CurrentLevel = table.Column<int>(type: "int", nullable: true),
                    TargetLevel = table.Column<int>(type: "int", nullable: true),
                    Actions = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    Owner = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    Deadline = table.Column<DateOnly>(type: "date", nullable: true),
                    Status = table.Column<int>(type: "int", nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    CreatedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    UpdatedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DevelopmentPoints", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DevelopmentPoints_SchoolYears_SchoolYearId",
                        column: x => x.SchoolYearId,
                        principalTable: "SchoolYears",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DevelopmentPoints_Schools_SchoolId",
                        column: x => x.SchoolId,
                        principalTable: "Schools",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RescuedForms",
                columns: table => new
                {
                    Id = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    Path = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false),
                    BrowserKeyHash = table.Column<string>(type: "nvarchar(128)", maxLength: 128, nullable: false),
                    ValuesJson = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RescuedForms", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ScanFrameworks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    SchoolYearId = table.Column<int>(type: "int", nullable: false),
                    DefinitionJson = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    CreatedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    UpdatedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScanFrameworks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ScanFrameworks_SchoolYears_SchoolYearId",
                        column: x => x.SchoolYearId,
                        principalTable: "SchoolYears",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Scans",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    SchoolId = table.Column<int>(type: "int", nullable: false),
                    SchoolYearId = table.Column<int>(type: "int", nullable: false),
                    Status = table.Column<int>(type: "int", nullable: false),
                    CarriedOverFromScanId = table.Column<int>(type: "int", nullable: true),
                    EditableUntil = table.Column<DateOnly>(type: "date", nullable: true),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    SubmittedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    AdoptedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    AdoptedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    AdoptionDate = table.Column<DateOnly>(type: "date", nullable: true),
                    MrAdviceDate = table.Column<DateOnly>(type: "date", nullable: true),
                    MrAdviceOutcome = table.Column<int>(type: "int", nullable: true),
                    Version = table.Column<int>(type: "int", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    CreatedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    UpdatedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Scans", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Scans_Scans_CarriedOverFromScanId",
                        column: x => x.CarriedOverFromScanId,
                        principalTable: "Scans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Scans_SchoolYears_SchoolYearId",
                        column: x => x.SchoolYearId,
                        principalTable: "SchoolYears",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Scans_Schools_SchoolId",
                        column: x => x.SchoolId,
                        principalTable: "Schools",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ScanAnswers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ScanId = table.Column<int>(type: "int", nullable: false),
                    ItemKey = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Level = table.Column<int>(type: "int", nullable: true),
                    TargetLevel = table.Column<int>(type: "int", nullable: true),
                    Text = table.Column<string>(type: "nvarchar(max)", maxLength: 8000, nullable: true),
                    Number = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: true),
                    Checked = table.Column<bool>(type: "bit", nullable: false),
                    Origin = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScanAnswers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ScanAnswers_Scans_ScanId",
                        column: x => x.ScanId,
                        principalTable: "Scans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ScanAuditEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ScanId = table.Column<int>(type: "int", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    By = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    ItemKey = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Field = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    OldValue = table.Column<string>(type: "nvarchar(max)", maxLength: 8000, nullable: true),
                    NewValue = table.Column<string>(type: "nvarchar(max)", maxLength: 8000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScanAuditEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ScanAuditEntries_Scans_ScanId",
                        column: x => x.ScanId,
                        principalTable: "Scans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ScanDrafts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ScanId = table.Column<int>(type: "int", nullable: false),
                    SectionKey = table.Column<string>(type: "nvarchar(120)", maxLength: 120, nullable: false),
                    UserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    ValuesJson = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    SavedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScanDrafts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ScanDrafts_Scans_ScanId",
                        column: x => x.ScanId,
                        principalTable: "Scans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ScanSections",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ScanId = table.Column<int>(type: "int", nullable: false),
                    Key = table.Column<string>(type: "nvarchar(120)", maxLength: 120, nullable: false),
                    State = table.Column<int>(type: "int", nullable: false),
                    ConfirmedUnchanged = table.Column<bool>(type: "bit", nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false),
                    SavedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    SavedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScanSections", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ScanSections_Scans_ScanId",
                        column: x => x.ScanId,
                        principalTable: "Scans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ScanTransitions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ScanId = table.Column<int>(type: "int", nullable: false),
                    From = table.Column<int>(type: "int", nullable: false),
                    To = table.Column<int>(type: "int", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    By = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    Reason = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScanTransitions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ScanTransitions_Scans_ScanId",
                        column: x => x.ScanId,
                        principalTable: "Scans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DevelopmentPoints_SchoolId_SchoolYearId",
                table: "DevelopmentPoints",
                columns: new[] { "SchoolId", "SchoolYearId" });

            migrationBuilder.CreateIndex(
                name: "IX_DevelopmentPoints_SchoolYearId_DomainKey_AspectKey",
                table: "DevelopmentPoints",
                columns: new[] { "SchoolYearId", "DomainKey", "AspectKey" });

            migrationBuilder.CreateIndex(
                name: "IX_RescuedForms_CreatedAt",
                table: "RescuedForms",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_ScanAnswers_ScanId_ItemKey",
                table: "ScanAnswers",
                columns: new[] { "ScanId", "ItemKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ScanAuditEntries_ScanId_At",
                table: "ScanAuditEntries",
                columns: new[] { "ScanId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_ScanDrafts_ScanId_SectionKey_UserId",
                table: "ScanDrafts",
                columns: new[] { "ScanId", "SectionKey", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ScanFrameworks_SchoolYearId",
                table: "ScanFrameworks",
                column: "SchoolYearId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Scans_CarriedOverFromScanId",
                table: "Scans",
                column: "CarriedOverFromScanId");

            migrationBuilder.CreateIndex(
                name: "IX_Scans_SchoolId_SchoolYearId",
                table: "Scans",
                columns: new[] { "SchoolId", "SchoolYearId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Scans_SchoolYearId_Status",
                table: "Scans",
                columns: new[] { "SchoolYearId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_ScanSections_ScanId_Key",
                table: "ScanSections",
                columns: new[] { "ScanId", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ScanTransitions_ScanId",
                table: "ScanTransitions",
                column: "ScanId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DevelopmentPoints");

            migrationBuilder.DropTable(
                name: "RescuedForms");

            migrationBuilder.DropTable(
                name: "ScanAnswers");

            migrationBuilder.DropTable(
                name: "ScanAuditEntries");

            migrationBuilder.DropTable(
                name: "ScanDrafts");

            migrationBuilder.DropTable(
                name: "ScanFrameworks");

            migrationBuilder.DropTable(
                name: "ScanSections");

            migrationBuilder.DropTable(
                name: "ScanTransitions");

            migrationBuilder.DropTable(
                name: "Scans");

            migrationBuilder.DropColumn(
                name: "IsClosed",
                table: "SchoolYears");

            migrationBuilder.DropColumn(
                name: "ScanClosesOn",
                table: "SchoolYears");

            migrationBuilder.DropColumn(
                name: "ScanOpensOn",
                table: "SchoolYears");
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Zout.Basisondersteuning.Web.Data.Migrations.Sqlite
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
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ScanClosesOn",
                table: "SchoolYears",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ScanOpensOn",
                table: "SchoolYears",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "DevelopmentPoints",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SchoolId = table.Column<int>(type: "INTEGER", nullable: false),
                    SchoolYearId = table.Column<int>(type: "INTEGER", nullable: false),
                    DomainKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    AspectKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CurrentLevel = table.Column<int>(type: "INTEGER", nullable: true),
                    TargetLevel = table.Column<int>(type: "INTEGER", nullable: true),
                    Actions = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Owner = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Deadline = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
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
                    Id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Path = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    BrowserKeyHash = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    ValuesJson = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RescuedForms", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ScanFrameworks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SchoolYearId = table.Column<int>(type: "INTEGER", nullable: false),
                    DefinitionJson = table.Column<string>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SchoolId = table.Column<int>(type: "INTEGER", nullable: false),
                    SchoolYearId = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    CarriedOverFromScanId = table.Column<int>(type: "INTEGER", nullable: true),
                    EditableUntil = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    SubmittedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    SubmittedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    AdoptedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    AdoptedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    AdoptionDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    MrAdviceDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    MrAdviceOutcome = table.Column<int>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ScanId = table.Column<int>(type: "INTEGER", nullable: false),
                    ItemKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Level = table.Column<int>(type: "INTEGER", nullable: true),
                    TargetLevel = table.Column<int>(type: "INTEGER", nullable: true),
                    Text = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    Number = table.Column<long>(type: "INTEGER", precision: 18, scale: 2, nullable: true),
                    Checked = table.Column<bool>(type: "INTEGER", nullable: false),
                    Origin = table.Column<int>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ScanId = table.Column<int>(type: "INTEGER", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    By = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ItemKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Field = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    OldValue = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    NewValue = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true)
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ScanId = table.Column<int>(type: "INTEGER", nullable: false),
                    SectionKey = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    ValuesJson = table.Column<string>(type: "TEXT", nullable: false),
                    SavedAt = table.Column<long>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ScanId = table.Column<int>(type: "INTEGER", nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    ConfirmedUnchanged = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    SavedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    SavedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ScanId = table.Column<int>(type: "INTEGER", nullable: false),
                    From = table.Column<int>(type: "INTEGER", nullable: false),
                    To = table.Column<int>(type: "INTEGER", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    By = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
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

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Zout.Basisondersteuning.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PartnershipContentAndRoute : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // New: the status (every arrangement so far is available) and the durations as a set: the one Duration (short 1,
            // medium 2, long 3) becomes the flags of Durations (1, 2, 4). Written by hand: EF took Duration for a rename.
            migrationBuilder.AddColumn<int>(
                name: "Status",
                table: "SupportArrangements",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<string>(
                name: "FollowUp",
                table: "SupportOfferings",
                type: "TEXT",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "FollowUpTitle",
                table: "SupportOfferings",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Phase1Title",
                table: "SupportOfferings",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Phase2Title",
                table: "SupportOfferings",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Phase3Title",
                table: "SupportOfferings",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Phase4Title",
                table: "SupportOfferings",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SopFraming",
                table: "SupportOfferings",
                type: "TEXT",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Contact",
                table: "SupportArrangements",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Durations",
                table: "SupportArrangements",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "HowToApply",
                table: "SupportArrangements",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Location",
                table: "SupportArrangements",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Places",
                table: "SupportArrangements",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TargetGroup",
                table: "SupportArrangements",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "InspectionDate",
                table: "Schools",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "InspectionJudgement",
                table: "Schools",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "InspectionReportUrl",
                table: "Schools",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.Sql("UPDATE SupportArrangements SET Durations = CASE Duration WHEN 1 THEN 1 WHEN 2 THEN 2 WHEN 3 THEN 4 ELSE 0 END");

            migrationBuilder.DropColumn(
                name: "Duration",
                table: "SupportArrangements");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Duration",
                table: "SupportArrangements",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.Sql("UPDATE SupportArrangements SET Duration = CASE WHEN (Durations & 1) <> 0 THEN 1 WHEN (Durations & 2) <> 0 THEN 2 WHEN (Durations & 4) <> 0 THEN 3 ELSE 2 END");

            migrationBuilder.DropColumn(
                name: "FollowUp",
                table: "SupportOfferings");

            migrationBuilder.DropColumn(
                name: "FollowUpTitle",
                table: "SupportOfferings");

            migrationBuilder.DropColumn(
                name: "Phase1Title",
                table: "SupportOfferings");

            migrationBuilder.DropColumn(
                name: "Phase2Title",
                table: "SupportOfferings");

            migrationBuilder.DropColumn(
                name: "Phase3Title",
                table: "SupportOfferings");

            migrationBuilder.DropColumn(
                name: "Phase4Title",
                table: "SupportOfferings");

            migrationBuilder.DropColumn(
                name: "SopFraming",
                table: "SupportOfferings");

            migrationBuilder.DropColumn(
                name: "Contact",
                table: "SupportArrangements");

            migrationBuilder.DropColumn(
                name: "Durations",
                table: "SupportArrangements");

            migrationBuilder.DropColumn(
                name: "HowToApply",
                table: "SupportArrangements");

            migrationBuilder.DropColumn(
                name: "Location",
                table: "SupportArrangements");

            migrationBuilder.DropColumn(
                name: "Places",
                table: "SupportArrangements");

            migrationBuilder.DropColumn(
                name: "TargetGroup",
                table: "SupportArrangements");

            migrationBuilder.DropColumn(
                name: "InspectionDate",
                table: "Schools");

            migrationBuilder.DropColumn(
                name: "InspectionJudgement",
                table: "Schools");

            migrationBuilder.DropColumn(
                name: "InspectionReportUrl",
                table: "Schools");

            migrationBuilder.DropColumn(
                name: "Status",
                table: "SupportArrangements");
        }
    }
}

using Microsoft.EntityFrameworkCore;
using Zout.Basisondersteuning.Web.Data;
using Zout.Basisondersteuning.Web.Features.Dashboards;
using Zout.Basisondersteuning.Web.Infrastructure;
using Zout.Basisondersteuning.Web.Infrastructure.Authorization;

namespace Zout.Basisondersteuning.Web.Features.JointTrainings;

/// <summary>The joint trainings (the list) and one with its registrations, for the partnership's staff; the registrations download as xlsx.</summary>
public static class JointTrainingDetails
{
    public sealed class ListModel : IReportPage
    {
        public required bool CanPropose { get; init; }
        public required ReportTable Trainings { get; init; }
        public IEnumerable<ReportTable> Tables => [Trainings];
        public string FileName => "scholing";
    }

    public sealed class Model : IReportPage
    {
        public required int Id { get; init; }
        public required string Title { get; init; }
        public required string Theme { get; init; }
        public required string? Description { get; init; }
        public required string? Location { get; init; }
        public required IReadOnlyList<DateOnly> Dates { get; init; }
        public required int Invited { get; init; }
        public required int Interested { get; init; }
        public required int Participants { get; init; }
        public required ReportTable Registrations { get; init; }
        public IEnumerable<ReportTable> Tables => [Registrations];
        public string FileName => $"scholing-{Id}";
    }

    public sealed class Handler(AppDbContext db, AccessPolicy policy)
    {
        public async Task<ListModel> ListAsync(bool canPropose, CancellationToken cancellationToken)
        {
            var ids = (await policy.InternalSchoolsAsync(cancellationToken)).Select(s => s.Id);
            var rows = await db.JointTrainings.AsNoTracking()
                .Where(t => t.Invitations.Any(i => ids.Contains(i.SchoolId)))
                .OrderByDescending(t => t.FirstDate)
                .Select(t => new
                {
                    t.Id,
                    t.Title,
                    t.Theme,
                    t.FirstDate,
                    t.SecondDate,
                    t.ThirdDate,
                    Invited = t.Invitations.Count(i => ids.Contains(i.SchoolId)),
                    Interested = t.Invitations.Count(i => ids.Contains(i.SchoolId) && i.Interested == true),
                    Participants = t.Invitations.Where(i => ids.Contains(i.SchoolId) && i.Interested == true).Sum(i => i.Participants ?? 0),
                })
                .ToListAsync(cancellationToken);
            var table = new ReportTable("scholingen", "Gezamenlijke scholing")
            {
                Headers = ["Scholing", "Thema", "Data", "Uitgenodigd", "Belangstelling", "Deelnemers"],
                EmptyText = "Er is nog geen gezamenlijke scholing voorgesteld. Begin bij de behoeften op het dashboard.",
            };
            foreach (var t in rows)
            {
                var dates = new[] { (DateOnly?)t.FirstDate, t.SecondDate, t.ThirdDate }.OfType<DateOnly>().Select(d => DutchCalendar.Format(d));
                table.Add(new ReportCell(t.Title, $"/scholing/{t.Id}"), t.Theme, string.Join(", ", dates), ReportFormat.Count(t.Invited), ReportFormat.Count(t.Interested),
                    ReportFormat.Count(t.Participants));
            }

            return new ListModel { CanPropose = canPropose, Trainings = table };
        }

        public async Task<Model?> FindAsync(int id, CancellationToken cancellationToken)
        {
            var ids = (await policy.InternalSchoolsAsync(cancellationToken)).Select(s => s.Id);
            var training = await db.JointTrainings.AsNoTracking().Where(t => t.Id == id && t.Invitations.Any(i => ids.Contains(i.SchoolId)))
                .Select(t => new { t.Id, t.Title, t.Theme, t.Description, t.Location, t.FirstDate, t.SecondDate, t.ThirdDate })
                .SingleOrDefaultAsync(cancellationToken);
            if (training is null) return null;
            var invitations = await db.JointTrainingInvitations.AsNoTracking()
                .Where(i => i.JointTrainingId == id && ids.Contains(i.SchoolId))
                .OrderByDescending(i => i.Interested == true).ThenBy(i => i.School.Name)
                .Select(i => new { i.School.LocationCode, i.School.Name, Board = i.School.Board.Name, i.Interested, i.Participants, i.Note, i.RespondedByName, i.RespondedAt })
                .ToListAsync(cancellationToken);
            var table = new ReportTable("aanmeldingen", $"Aanmeldingen voor {training.Title}")
            {
                Headers = ["School", "Code", "Bestuur", "Belangstelling", "Aantal deelnemers", "Opmerking", "Gemeld door", "Gemeld op"],
                EmptyText = "Er zijn geen scholen uitgenodigd.",
            };
            foreach (var i in invitations)
            {
                table.Add(new ReportCell(i.Name, $"/school/{i.LocationCode}"), i.LocationCode, i.Board,
                    i.Interested switch { true => "Ja", false => "Nee", null => "Nog niet gereageerd" },
                    i.Participants?.ToString(PortalSetup.Dutch) ?? "–", i.Note ?? "–", i.RespondedByName ?? "–",
                    i.RespondedAt is { } at ? SupportRequests.SupportRequestDetails.Handler.Date(at) : "–");
            }

            return new Model
            {
                Id = training.Id,
                Title = training.Title,
                Theme = training.Theme,
                Description = training.Description,
                Location = training.Location,
                Dates = new[] { (DateOnly?)training.FirstDate, training.SecondDate, training.ThirdDate }.OfType<DateOnly>().ToList(),
                Invited = invitations.Count,
                Interested = invitations.Count(i => i.Interested == true),
                Participants = invitations.Where(i => i.Interested == true).Sum(i => i.Participants ?? 0),
                Registrations = table,
            };
        }
    }
}

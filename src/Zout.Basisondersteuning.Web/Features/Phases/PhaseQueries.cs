using Microsoft.EntityFrameworkCore;
using Zout.Basisondersteuning.Web.Data;
using Zout.Basisondersteuning.Web.Domain;
using Zout.Basisondersteuning.Web.Domain.Scans;
using Zout.Basisondersteuning.Web.Domain.Team;
using Zout.Basisondersteuning.Web.Infrastructure;

namespace Zout.Basisondersteuning.Web.Features.Phases;

/// <summary>A school's implementation phase now, and since when.</summary>
public sealed record PhaseState(ImplementationPhase Phase, DateOnly? Since);

/// <summary>One step of a school's phase history: from the data or set by a consultant.</summary>
public sealed record PhaseHistoryStep(ImplementationPhase Phase, DateOnly Date, string? Note, string? SetBy, bool Derived);

/// <summary>
/// The implementation phase of schools, read in three grouped queries whatever their number: the first submitted or
/// adopted scan, the first startbijeenkomst, and the latest phase a consultant set (<see cref="ImplementationPhases.Current"/>).
/// </summary>
public sealed class PhaseQueries(AppDbContext db)
{
    public async Task<Dictionary<int, PhaseState>> ForSchoolsAsync(IQueryable<School> scope, CancellationToken cancellationToken)
    {
        var ids = scope.Select(s => s.Id);
        var scans = await db.Scans.AsNoTracking()
            .Where(s => (s.Status == ScanStatus.Submitted || s.Status == ScanStatus.Adopted) && ids.Contains(s.SchoolId))
            .Select(s => new { s.SchoolId, At = s.SubmittedAt ?? s.AdoptedAt, s.AdoptionDate, s.UpdatedAt })
            .ToListAsync(cancellationToken);
        var firstScan = scans.GroupBy(s => s.SchoolId).ToDictionary(g => g.Key, g => (DateOnly?)g.Min(s => Completed(s.At, s.AdoptionDate, s.UpdatedAt)));
        var startMeetings = await db.Conversations.AsNoTracking()
            .Where(c => c.Kind == ConversationKind.StartMeeting && ids.Contains(c.SchoolId))
            .GroupBy(c => c.SchoolId)
            .Select(g => new { SchoolId = g.Key, First = g.Min(c => c.Date) })
            .ToDictionaryAsync(x => x.SchoolId, x => x.First, cancellationToken);
        var steps = await db.ImplementationPhaseSteps.AsNoTracking()
            .Where(s => ids.Contains(s.SchoolId)
                        && !db.ImplementationPhaseSteps.Any(o => o.SchoolId == s.SchoolId && (o.Date > s.Date || (o.Date == s.Date && o.Id > s.Id))))
            .Select(s => new { s.SchoolId, s.Phase, s.Date })
            .ToDictionaryAsync(s => s.SchoolId, cancellationToken);

        var result = new Dictionary<int, PhaseState>();
        foreach (var id in await ids.ToListAsync(cancellationToken))
        {
            var set = steps.GetValueOrDefault(id);
            var (phase, since) = ImplementationPhases.Current(firstScan.GetValueOrDefault(id), startMeetings.TryGetValue(id, out var meeting) ? meeting : null, set?.Phase, set?.Date);
            result[id] = new PhaseState(phase, since);
        }

        return result;
    }

    /// <summary>The school's history: the steps the data shows and every step a consultant set, oldest first.</summary>
    public async Task<IReadOnlyList<PhaseHistoryStep>> HistoryAsync(int schoolId, CancellationToken cancellationToken)
    {
        var history = new List<PhaseHistoryStep>();
        var scan = await db.Scans.AsNoTracking()
            .Where(s => s.SchoolId == schoolId && (s.Status == ScanStatus.Submitted || s.Status == ScanStatus.Adopted))
            .Select(s => new { At = s.SubmittedAt ?? s.AdoptedAt, s.AdoptionDate, s.UpdatedAt, Year = s.SchoolYear.Name })
            .ToListAsync(cancellationToken);
        var first = scan.Select(s => (Date: Completed(s.At, s.AdoptionDate, s.UpdatedAt), s.Year)).OrderBy(s => s.Date).FirstOrDefault();
        if (first.Year is not null) history.Add(new PhaseHistoryStep(ImplementationPhase.ScanCompleted, first.Date, $"Scan {first.Year} ingediend", null, Derived: true));
        var meeting = await db.Conversations.AsNoTracking()
            .Where(c => c.SchoolId == schoolId && c.Kind == ConversationKind.StartMeeting)
            .OrderBy(c => c.Date).Select(c => new { c.Date, c.AuthorName }).FirstOrDefaultAsync(cancellationToken);
        if (meeting is not null) history.Add(new PhaseHistoryStep(ImplementationPhase.StartMeetingHeld, meeting.Date, "Startbijeenkomst vastgelegd", meeting.AuthorName, Derived: true));
        var set = await db.ImplementationPhaseSteps.AsNoTracking()
            .Where(s => s.SchoolId == schoolId)
            .OrderBy(s => s.Date).ThenBy(s => s.Id)
            .Select(s => new PhaseHistoryStep(s.Phase, s.Date, s.Note, s.SetByName, false))
            .ToListAsync(cancellationToken);
        history.AddRange(set);
        return history.OrderBy(h => h.Date).ThenBy(h => h.Derived ? 0 : 1).ToList();
    }

    /// <summary>When a scan was submitted (or adopted); a scan imported or seeded without those stamps counts from its adoption date or last change.</summary>
    private static DateOnly Completed(DateTimeOffset? at, DateOnly? adoptionDate, DateTimeOffset updatedAt) =>
        at is { } stamp ? DateOnly.FromDateTime(stamp.ToDutch().DateTime) : adoptionDate ?? DateOnly.FromDateTime(updatedAt.ToDutch().DateTime);
}

using Microsoft.EntityFrameworkCore;
using Zout.Basisondersteuning.Web.Data;
using Zout.Basisondersteuning.Web.Domain;
using Zout.Basisondersteuning.Web.Domain.Scans;
using Zout.Basisondersteuning.Web.Domain.Team;
using Zout.Basisondersteuning.Web.Features.Dashboards;
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
    /// <param name="scans">
    /// The dashboards' summaries of this request: when given, the first completion of every school is read once per
    /// snapshot (any save of a scan makes a new one) instead of on every request, and kept while only concepts are
    /// saved (a first completion is a submitted or adopted scan).
    /// </param>
    public async Task<Dictionary<int, PhaseState>> ForSchoolsAsync(IQueryable<School> scope, CancellationToken cancellationToken, SummarySnapshot? scans = null)
    {
        var ids = scope.Select(s => s.Id);
        var firstScan = scans is null
            ? await FirstCompletionAsync(ids, cancellationToken)
            : await scans.DerivedFromFinalAsync("phases-first-completion", () => FirstCompletionAsync(null, cancellationToken));
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
            var (phase, since) = ImplementationPhases.Current(firstScan.TryGetValue(id, out var first) ? first : null, startMeetings.TryGetValue(id, out var meeting) ? meeting : null, set?.Phase, set?.Date);
            result[id] = new PhaseState(phase, since);
        }

        return result;
    }

    /// <summary>
    /// The date each school first completed a scan (of the schools in <paramref name="ids"/>, or of all schools): one row
    /// per school, not one per scan (15,000 rows on the national dataset made this the slowest part of the partnership
    /// dashboard). The earliest completion is the earliest of three minima, one per kind of stamp a scan has (see
    /// <see cref="Completed"/>): the conversion to a Dutch date keeps the order, so the minimum of the converted values is
    /// the converted minimum.
    /// </summary>
    private async Task<IReadOnlyDictionary<int, DateOnly>> FirstCompletionAsync(IQueryable<int>? ids, CancellationToken cancellationToken)
    {
        var final = db.Scans.AsNoTracking().Where(s => s.Status == ScanStatus.Submitted || s.Status == ScanStatus.Adopted);
        if (ids is not null) final = final.Where(s => ids.Contains(s.SchoolId));
        var scans = await final
            .GroupBy(s => s.SchoolId)
            .Select(g => new
            {
                SchoolId = g.Key,
                At = g.Min(s => s.SubmittedAt ?? s.AdoptedAt),
                AdoptionDate = g.Where(s => s.SubmittedAt == null && s.AdoptedAt == null).Min(s => s.AdoptionDate),
                UpdatedAt = g.Where(s => s.SubmittedAt == null && s.AdoptedAt == null && s.AdoptionDate == null).Min(s => (DateTimeOffset?)s.UpdatedAt),
            })
            .ToListAsync(cancellationToken);
        return scans.ToDictionary(s => s.SchoolId, s => new[]
        {
            s.At is { } at ? Completed(at, null, at) : (DateOnly?)null,
            s.AdoptionDate,
            s.UpdatedAt is { } updated ? Completed(null, null, updated) : null,
        }.Where(d => d is not null).Min()!.Value);
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

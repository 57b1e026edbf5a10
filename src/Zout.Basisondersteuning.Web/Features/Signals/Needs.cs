using Microsoft.EntityFrameworkCore;
using Zout.Basisondersteuning.Web.Data;
using Zout.Basisondersteuning.Web.Domain;
using Zout.Basisondersteuning.Web.Domain.Scans;
using Zout.Basisondersteuning.Web.Features.Dashboards;

namespace Zout.Basisondersteuning.Web.Features.Signals;

/// <summary>
/// Behoeften: signals, shared development points and requests of one school year brought together by theme (a domain
/// and aspect, or a signal's own theme), the most shared first. For the partnership dashboard, and for a joint
/// training proposal, which invites the schools that share the need.
/// </summary>
public static class Needs
{
    /// <summary>A theme: a domain (and aspect) of the framework, or the free theme of a signal that names none.</summary>
    public sealed record Key(string? DomainKey, string? AspectKey, string? Theme)
    {
        public string Label(FrameworkDefinition framework) =>
            DomainKey is null && AspectKey is null
                ? Theme ?? "Overig"
                : string.Join(" – ", new[] { DomainKey is null ? null : framework.DomainName(DomainKey), AspectKey is null ? null : framework.AspectName(AspectKey) }.OfType<string>());

        public string Query => string.Join("&", new[]
        {
            DomainKey is null ? null : $"domein={Uri.EscapeDataString(DomainKey)}",
            AspectKey is null ? null : $"aspect={Uri.EscapeDataString(AspectKey)}",
            DomainKey is null && AspectKey is null && Theme is not null ? $"thema={Uri.EscapeDataString(Theme)}" : null,
        }.OfType<string>());
    }

    public sealed record Need(Key Key, IReadOnlySet<int> Schools, int Points, int Requests, int Signals);

    public sealed class Handler(AppDbContext db)
    {
        /// <summary>The needs of the schools in <paramref name="scope"/> in the school year starting in <paramref name="startYear"/>, most shared first.</summary>
        public async Task<IReadOnlyList<Need>> ForYearAsync(IQueryable<School> scope, int schoolYearId, int startYear, CancellationToken cancellationToken)
        {
            var ids = scope.Select(s => s.Id);
            var start = new DateOnly(startYear, 8, 1);
            var end = start.AddYears(1);
            var startAt = new DateTimeOffset(start.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            var endAt = startAt.AddYears(1);

            var points = await db.DevelopmentPoints.AsNoTracking().Where(p => p.SchoolYearId == schoolYearId && ids.Contains(p.SchoolId))
                .Select(p => new { p.SchoolId, p.DomainKey, p.AspectKey }).ToListAsync(cancellationToken);
            var requests = await db.SupportRequests.AsNoTracking().Where(r => ids.Contains(r.SchoolId) && r.AskedAt >= startAt && r.AskedAt < endAt && (r.DomainKey != null || r.AspectKey != null))
                .Select(r => new { r.SchoolId, r.DomainKey, r.AspectKey }).ToListAsync(cancellationToken);
            var signals = await db.NeedSignals.AsNoTracking().Where(s => s.Date >= start && s.Date < end)
                .Select(s => new { s.Id, s.DomainKey, s.AspectKey, s.Theme, Schools = s.Schools.Where(x => ids.Contains(x.Id)).Select(x => x.Id).ToList() })
                .ToListAsync(cancellationToken);

            var needs = new Dictionary<Key, (HashSet<int> Schools, int Points, int Requests, int Signals)>();
            void Add(Key key, IEnumerable<int> schools, int point = 0, int request = 0, int signal = 0)
            {
                var n = needs.TryGetValue(key, out var found) ? found : ([], 0, 0, 0);
                n.Schools.UnionWith(schools);
                needs[key] = (n.Schools, n.Points + point, n.Requests + request, n.Signals + signal);
            }

            foreach (var p in points) Add(new Key(p.DomainKey, p.AspectKey, null), [p.SchoolId], point: 1);
            foreach (var r in requests) Add(new Key(r.DomainKey, r.AspectKey, null), [r.SchoolId], request: 1);
            foreach (var s in signals.Where(s => s.Schools.Count > 0))
            {
                Add(s.DomainKey is null && s.AspectKey is null ? new Key(null, null, s.Theme.Trim()) : new Key(s.DomainKey, s.AspectKey, null), s.Schools, signal: 1);
            }

            return needs.Select(n => new Need(n.Key, n.Value.Schools, n.Value.Points, n.Value.Requests, n.Value.Signals))
                .OrderByDescending(n => n.Schools.Count).ThenByDescending(n => n.Points + n.Requests + n.Signals)
                .ThenBy(n => n.Key.DomainKey).ThenBy(n => n.Key.AspectKey).ThenBy(n => n.Key.Theme)
                .ToList();
        }

        /// <summary>
        /// The Behoeften table; with <paramref name="canPropose"/> each theme links to a joint training proposal, which keeps the
        /// dashboard's region and board (<paramref name="regionId"/>, <paramref name="boardId"/>) for the schools it invites.
        /// </summary>
        public static ReportTable Table(IReadOnlyList<Need> needs, FrameworkDefinition framework, string yearName, bool canPropose, int? regionId = null, int? boardId = null)
        {
            var table = new ReportTable("behoeften", $"Behoeften {yearName}: signalen, gedeelde ontwikkelpunten en vragen per thema")
            {
                Headers = ["Thema", "Scholen", "Ontwikkelpunten", "Vragen", "Signalen", "Gezamenlijke scholing"],
                EmptyText = "Er zijn in dit schooljaar nog geen ontwikkelpunten, vragen met een domein of signalen.",
                Note = "Gesorteerd op het aantal scholen dat de behoefte deelt. Een vraag telt mee als de school er een domein of aspect bij koos.",
            };
            foreach (var need in needs)
            {
                table.Add(need.Key.Label(framework), ReportFormat.Count(need.Schools.Count), ReportFormat.Count(need.Points), ReportFormat.Count(need.Requests),
                    ReportFormat.Count(need.Signals),
                    canPropose ? new ReportCell("Scholing voorstellen", $"/scholing/nieuw?{need.Key.Query}{Filter(regionId, boardId)}") : "–");
            }

            return table;
        }

        private static string Filter(int? regionId, int? boardId) =>
            (regionId is { } r ? $"&regio={r.ToString(System.Globalization.CultureInfo.InvariantCulture)}" : "")
            + (boardId is { } b ? $"&bestuur={b.ToString(System.Globalization.CultureInfo.InvariantCulture)}" : "");
    }
}

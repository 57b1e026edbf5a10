using Zout.Basisondersteuning.Web.Domain.Scans;
using Zout.Basisondersteuning.Web.Infrastructure.Authorization;

namespace Zout.Basisondersteuning.Web.Features.Dashboards;

/// <summary>
/// "Leren van elkaar": find schools by offering item or by level 4 (sterk en geborgd) in a domain or aspect,
/// filtered by region. For every logged-in user, so it shows offering and level-4 strengths only, never
/// anybody's scores. Each school counts with its most recent submitted or adopted scan.
/// </summary>
public static class ExpertiseFinder
{
    public const int StrongLevel = 4;

    /// <summary>Schools per page; the downloads hold all of them.</summary>
    public const int PageSize = 50;

    public sealed record Query(string? Aanbod, string? Domein, string? Aspect, int? Regio, int? Pagina = null);

    public sealed record Match(SchoolInfo School, string YearName, IReadOnlyList<string> Strengths);

    public sealed class Model : IReportPage
    {
        public required Query Query { get; init; }
        public required IReadOnlyList<Option> OfferingItems { get; init; }
        public required IReadOnlyList<Option> Domains { get; init; }
        public required IReadOnlyList<Option> Aspects { get; init; }
        public required IReadOnlyList<Option> Regions { get; init; }
        public required bool Searched { get; init; }
        /// <summary>Every school found: what the downloads hold.</summary>
        public required ReportTable Results { get; init; }
        public required Paging Paging { get; init; }

        /// <summary>The schools on this page.</summary>
        public ReportTable PageResults => Results.Slice(Paging.Skip, Paging.PageSize);
        public IEnumerable<ReportTable> Tables => [Results];
        public string FileName => "vinder";

        /// <summary>The address of another page of the same search.</summary>
        public string PageUrl(int page)
        {
            var parts = new List<string>();
            if (Query.Aanbod is { } a) parts.Add($"aanbod={Uri.EscapeDataString(a)}");
            if (Query.Domein is { } d) parts.Add($"domein={Uri.EscapeDataString(d)}");
            if (Query.Aspect is { } x) parts.Add($"aspect={Uri.EscapeDataString(x)}");
            if (Query.Regio is { } r) parts.Add($"regio={r}");
            if (page > 1) parts.Add($"pagina={page}");
            return "/vinder?" + string.Join("&", parts);
        }
    }

    /// <summary>The most recent submitted or adopted scan of every school, with its year.</summary>
    public static Dictionary<int, (SummaryEntry Entry, YearOption Year)> Latest(SummarySnapshot snapshot, IReadOnlyList<YearOption> years) =>
        snapshot.DerivedFromFinal("latest|" + string.Join(",", years.Select(y => $"{y.Id}:{y.StartYear}")), () => ComputeLatest(snapshot, years));

    private static Dictionary<int, (SummaryEntry Entry, YearOption Year)> ComputeLatest(SummarySnapshot snapshot, IReadOnlyList<YearOption> years)
    {
        var byId = years.ToDictionary(y => y.Id);
        var latest = new Dictionary<int, (SummaryEntry Entry, YearOption Year)>();
        foreach (var entry in snapshot.ByScan.Values)
        {
            if (!entry.IsFinal || !byId.TryGetValue(entry.SchoolYearId, out var year)) continue;
            if (!latest.TryGetValue(entry.SchoolId, out var known) || known.Year.StartYear < year.StartYear) latest[entry.SchoolId] = (entry, year);
        }

        return latest;
    }

    /// <summary>The domain x aspect cells at level 4, named: "Taal en lezen: expertise".</summary>
    public static IEnumerable<string> StrongCells(SummaryEntry entry, FrameworkDefinition framework, string? domainKey, string? aspectKey)
    {
        foreach (var domain in framework.Domains.Where(d => domainKey is null || d.Key == domainKey))
        {
            foreach (var aspect in framework.Aspects.Where(a => aspectKey is null || a.Key == aspectKey))
            {
                if (entry.Level(domain.Key, aspect.Key) == StrongLevel) yield return $"{domain.Name}: {aspect.Name}";
            }
        }
    }

    public sealed class Handler(AccessPolicy policy, DashboardData data)
    {
        public async Task<Model> HandleAsync(Query query, CancellationToken cancellationToken)
        {
            var years = await data.YearsAsync(cancellationToken);
            var year = data.Resolve(years, null);
            var framework = await data.FrameworkAsync(year, cancellationToken) ?? new FrameworkDefinition();
            var item = framework.OfferingItems.ByKey(query.Aanbod);
            var domain = framework.Domains.ByKey(query.Domein);
            var aspect = framework.Aspects.ByKey(query.Aspect);
            var searched = item is not null || domain is not null || aspect is not null;

            var table = new ReportTable("scholen", "Gevonden scholen")
            {
                Headers = ["School", "Code", "Regio", "Bestuur", "Contactpersoon", "Telefoon", "Sterk in of biedt aan", "Schooljaar"],
                Note = searched ? $"Per pagina {PageSize} scholen; de downloads bevatten alle gevonden scholen." : null,
                EmptyText = searched ? "Geen scholen gevonden. Probeer een andere regio of een ander onderdeel." : "Kies een aanbod, domein of aspect.",
            };
            if (searched)
            {
                var scope = policy.PublicSchools();
                if (query.Regio is { } region) scope = scope.Where(s => s.RegionId == region);
                var schools = await data.SchoolsAsync(scope, $"public|regio={query.Regio}", cancellationToken);
                var snapshot = await data.SummariesAsync(cancellationToken);
                table = data.Memo("finder", snapshot, schools, $"{item?.Key}|{domain?.Key}|{aspect?.Key}", () => Search(table, schools, Latest(snapshot, years), framework, item, domain, aspect));
            }

            return new Model
            {
                Query = query,
                OfferingItems = framework.OfferingItems.Select(i => new Option(i.Key, i.Name, i.Key == item?.Key)).ToList(),
                Domains = framework.Domains.Select(d => new Option(d.Key, d.Name, d.Key == domain?.Key)).ToList(),
                Aspects = framework.Aspects.Select(a => new Option(a.Key, a.Name, a.Key == aspect?.Key)).ToList(),
                Regions = await data.RegionOptionsAsync(query.Regio, cancellationToken),
                Searched = searched,
                Results = table,
                Paging = Paging.For(query.Pagina, PageSize, table.Rows.Count),
            };
        }

        /// <summary>
        /// The schools that are strong in a domain or aspect (level 4) or offer an item, other than <paramref name="exceptSchoolId"/>:
        /// the same search as the page, for the verbinder who proposes a connection (issue 11).
        /// </summary>
        public async Task<IReadOnlyList<Match>> MatchesAsync(string? offeringKey, string? domainKey, string? aspectKey, int? exceptSchoolId, CancellationToken cancellationToken)
        {
            var years = await data.YearsAsync(cancellationToken);
            var framework = await data.FrameworkAsync(data.Resolve(years, null), cancellationToken) ?? new FrameworkDefinition();
            var item = framework.OfferingItems.ByKey(offeringKey);
            var domain = framework.Domains.ByKey(domainKey);
            var aspect = framework.Aspects.ByKey(aspectKey);
            if (item is null && domain is null && aspect is null) return [];
            var schools = await data.SchoolsAsync(policy.PublicSchools(), "public", cancellationToken);
            var snapshot = await data.SummariesAsync(cancellationToken);
            return Find(schools, Latest(snapshot, years), framework, item, domain, aspect).Where(m => m.School.Id != exceptSchoolId).ToList();
        }

        private static ReportTable Search(ReportTable table, IReadOnlyList<SchoolInfo> schools, Dictionary<int, (SummaryEntry Entry, YearOption Year)> latest,
            FrameworkDefinition framework, OfferingItemDefinition? item, DomainDefinition? domain, AspectDefinition? aspect)
        {
            foreach (var (school, yearName, what) in Find(schools, latest, framework, item, domain, aspect))
            {
                table.Add(new ReportCell(school.Name, $"/scholen/{school.Code}"), school.Code, school.RegionName ?? "–", school.BoardName,
                    school.ContactName is null ? "–" : $"{school.ContactName} ({school.ContactEmail})", school.Phone ?? "–",
                    string.Join("; ", what), yearName);
            }

            return table;
        }

        private static IEnumerable<Match> Find(IReadOnlyList<SchoolInfo> schools, Dictionary<int, (SummaryEntry Entry, YearOption Year)> latest,
            FrameworkDefinition framework, OfferingItemDefinition? item, DomainDefinition? domain, AspectDefinition? aspect)
        {
            foreach (var school in schools)
            {
                if (!latest.TryGetValue(school.Id, out var found)) continue;
                var what = new List<string>();
                if (item is not null)
                {
                    if (!found.Entry.Offering.Contains(item.Key)) continue;
                    what.Add(item.Name);
                }

                if (domain is not null || aspect is not null)
                {
                    var strong = StrongCells(found.Entry, framework, domain?.Key, aspect?.Key).ToList();
                    if (strong.Count == 0) continue;
                    what.AddRange(strong.Select(s => $"Sterk en geborgd: {s}"));
                }

                yield return new Match(school, found.Year.Name, what);
            }
        }
    }
}

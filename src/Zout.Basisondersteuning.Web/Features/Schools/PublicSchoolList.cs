using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Zout.Basisondersteuning.Web.Data;
using Zout.Basisondersteuning.Web.Domain;
using Zout.Basisondersteuning.Web.Domain.Documents;
using Zout.Basisondersteuning.Web.Features.Dashboards;
using Zout.Basisondersteuning.Web.Infrastructure.Authorization;

namespace Zout.Basisondersteuning.Web.Features.Schools;

/// <summary>
/// The public list of schools, for parents and anyone else: public data and published documents only.
/// Searchable by name and place, filterable by an offering item of the latest published SOP.
/// </summary>
public static class PublicSchoolList
{
    public sealed class Query
    {
        public string? Zoek { get; set; }

        /// <summary>The key of an offering item ("dyslexiespecialist"): schools whose published SOP has it.</summary>
        public string? Aanbod { get; set; }

        /// <summary>The page of the list (of <see cref="PageSize"/> schools), from 1.</summary>
        public int? Pagina { get; set; }
    }

    public const int PageSize = 50;

    public sealed record Row(string LocationCode, string Name, string? Address, string? City, string? Denomination, string? SopYear);

    public sealed record OfferingOption(string Key, string Name, string Group);

    public sealed record Model(Query Query, string PartnershipName, IReadOnlyList<Row> Schools, IReadOnlyList<OfferingOption> OfferingOptions, Paging Paging)
    {
        public string? OfferingName => OfferingOptions.FirstOrDefault(o => o.Key == Query.Aanbod)?.Name;

        /// <summary>The address of another page of the same search.</summary>
        public string PageUrl(int page)
        {
            var parts = new List<string>();
            if (!string.IsNullOrWhiteSpace(Query.Zoek)) parts.Add("zoek=" + Uri.EscapeDataString(Query.Zoek));
            if (!string.IsNullOrWhiteSpace(Query.Aanbod)) parts.Add("aanbod=" + Uri.EscapeDataString(Query.Aanbod));
            if (page > 1) parts.Add("pagina=" + page.ToString(System.Globalization.CultureInfo.InvariantCulture));
            return parts.Count == 0 ? "/scholen" : "/scholen?" + string.Join("&", parts);
        }
    }

    /// <summary>
    /// A page of <see cref="PageSize"/> schools (the partnership may have thousands); the partnership's name and the
    /// framework's offering from memory (issue 15). Without a search term the whole ordered list (of all schools, or of
    /// those with one offering item: a bounded set) is kept in memory until a school, a published document or a framework
    /// changes (the structure, published and frameworks counters), and a page is cut from it; a search is read with one
    /// count and one query for the page.
    /// </summary>
    public sealed class Handler(AccessPolicy accessPolicy, Data.AppDbContext db, FrameworkStore frameworks, PartnershipName partnership, ChangeStamps stamps,
        IMemoryCache memory)
    {
        private static readonly TimeSpan KeepFor = TimeSpan.FromMinutes(10);

        public async Task<Model> HandleAsync(Query query, CancellationToken cancellationToken)
        {
            var options = await OfferingOptionsAsync(cancellationToken);
            var offering = !string.IsNullOrWhiteSpace(query.Aanbod) && options.Any(o => o.Key == query.Aanbod) ? query.Aanbod : null;
            var schools = Filtered(offering);
            Paging paging;
            IReadOnlyList<Row> rows;
            if (!string.IsNullOrWhiteSpace(query.Zoek))
            {
                var term = query.Zoek.Trim();
                schools = schools.Where(s => EF.Functions.Like(s.Name, $"%{term}%") || EF.Functions.Like(s.City!, $"%{term}%"));
                paging = Paging.For(query.Pagina, PageSize, await schools.CountAsync(cancellationToken));
                rows = await Rows(schools).Skip(paging.Skip).Take(PageSize).ToListAsync(cancellationToken);
            }
            else
            {
                // The stamps are read before the data, so what is kept is never older than its key (ADR 062).
                var now = await stamps.GetAsync(cancellationToken);
                var key = (typeof(Handler), offering ?? "", now.Structure, now.Published, now.Frameworks);
                if (!memory.TryGetValue(key, out IReadOnlyList<Row>? all) || all is null)
                {
                    all = await Rows(schools).ToListAsync(cancellationToken);
                    memory.Set(key, all, KeepFor);
                }

                paging = Paging.For(query.Pagina, PageSize, all.Count);
                rows = all.Skip(paging.Skip).Take(PageSize).ToList();
            }

            var name = await partnership.GetAsync(db, stamps, cancellationToken) ?? "het samenwerkingsverband";
            return new Model(query, name, rows, options, paging);
        }

        private IQueryable<School> Filtered(string? offering)
        {
            var schools = accessPolicy.PublicSchools();
            if (offering is null) return schools;

            // Only what the school published: the offering of its latest published SOP.
            var wanted = $" {offering} ";
            return schools.Where(s => (" " + db.PublishedDocuments
                .Where(d => d.SchoolId == s.Id && d.Kind == PublishedDocumentKind.SupportProfile)
                .OrderByDescending(d => d.SchoolYear.StartYear).ThenByDescending(d => d.Version)
                .Select(d => d.OfferingKeys)
                .FirstOrDefault() + " ").Contains(wanted));
        }

        private IQueryable<Row> Rows(IQueryable<School> schools) => schools.AsNoTracking()
            .OrderBy(s => s.Name).ThenBy(s => s.Id)
            .Select(s => new Row(s.LocationCode, s.Name, (s.Street ?? "") + " " + (s.HouseNumber ?? ""), s.City, s.Denomination,
                db.PublishedDocuments.Where(d => d.SchoolId == s.Id && d.Kind == PublishedDocumentKind.SupportProfile)
                    .OrderByDescending(d => d.SchoolYear.StartYear).Select(d => d.SchoolYear.Name).FirstOrDefault()));

        /// <summary>The offering items of the latest framework, as choices for the filter.</summary>
        private async Task<IReadOnlyList<OfferingOption>> OfferingOptionsAsync(CancellationToken cancellationToken)
        {
            var latest = (await frameworks.YearsAsync(cancellationToken)).LastOrDefault(y => y.FrameworkId is not null);
            if (latest is null) return [];
            var framework = await frameworks.ForYearAsync(latest.Year, cancellationToken);
            return framework is null
                ? []
                : framework.Definition.OfferingGroups.SelectMany(g => g.Items.Select(i => new OfferingOption(i.Key, i.Name, g.Name))).ToList();
        }
    }
}

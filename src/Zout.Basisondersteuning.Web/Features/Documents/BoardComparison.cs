using Microsoft.EntityFrameworkCore;
using Zout.Basisondersteuning.Web.Domain.Scans;
using Zout.Basisondersteuning.Web.Infrastructure.Authorization;

namespace Zout.Basisondersteuning.Web.Features.Documents;

/// <summary>The Vergelijkingsrapport: a board's schools side by side, for the start meeting.</summary>
public static class BoardComparison
{
    public sealed record Data(int BoardId, string BoardName, string YearName, FrameworkDefinition Framework, IReadOnlyList<SchoolDocumentData> Schools)
    {
        public static double? Average(IEnumerable<int?> levels)
        {
            var values = levels.Where(l => l is not null).Select(l => (double)l!.Value).ToList();
            return values.Count == 0 ? null : Math.Round(values.Average(), 1);
        }

        public double? DomainAverage(SchoolDocumentData school, string domainKey) =>
            Average(Framework.Aspects.Select(a => school.Level(ItemKey.Cell(domainKey, a.Key))));

        public double? OverallAverage(SchoolDocumentData school) =>
            Average(Framework.Domains.SelectMany(d => Framework.Aspects.Select(a => school.Level(ItemKey.Cell(d.Key, a.Key)))));

        public double? ChangeCapacityAverage(SchoolDocumentData school) =>
            Average(Framework.ChangeCapacity.Select(c => school.Level(ItemKey.ChangeCapacity(c.Key))));

        /// <summary>A development point that several of the board's schools share: the same domain and aspect.</summary>
        public sealed record SharedPoint(string DomainKey, string AspectKey, IReadOnlyList<(string School, string Title)> Points)
        {
            public int Schools => Points.Select(p => p.School).Distinct().Count();
        }

        /// <summary>Domains and aspects in which at least two schools have a development point, the most shared first: a start for working together.</summary>
        public IReadOnlyList<SharedPoint> SharedPoints() =>
            Schools.SelectMany(s => s.DevelopmentPoints.Select(p => (School: s.School.Name, Point: p)))
                .GroupBy(x => (x.Point.DomainKey, x.Point.AspectKey))
                .Select(g => new SharedPoint(g.Key.DomainKey, g.Key.AspectKey, g.Select(x => (x.School, x.Point.Title)).ToList()))
                .Where(g => g.Schools >= 2)
                .OrderByDescending(g => g.Schools).ThenBy(g => Framework.Domains.FindIndex(d => d.Key == g.DomainKey)).ThenBy(g => g.AspectKey, StringComparer.Ordinal)
                .ToList();
    }

    public sealed class Handler(AccessPolicy accessPolicy, DocumentDataLoader loader)
    {
        /// <summary>The report of a board the [BoardAccess] filter allowed; null when the year has no framework.</summary>
        public async Task<Data?> LoadAsync(BoardRef board, string yearName, CancellationToken cancellationToken)
        {
            var boardId = board.Id;
            var schoolIds = await (await accessPolicy.InternalSchoolsAsync(cancellationToken))
                .Where(s => s.BoardId == boardId && s.IsActive).OrderBy(s => s.Name).Select(s => s.Id).ToListAsync(cancellationToken);
            var schools = new List<SchoolDocumentData>();
            foreach (var id in schoolIds)
            {
                var data = await loader.LoadAsync(id, yearName, cancellationToken);
                if (data is null) return null;
                schools.Add(data);
            }

            var framework = schools.FirstOrDefault()?.Framework;
            return framework is null ? null : new Data(board.Id, board.Name, yearName, framework, schools);
        }
    }
}

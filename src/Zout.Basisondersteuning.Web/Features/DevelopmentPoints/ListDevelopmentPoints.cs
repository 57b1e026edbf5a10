using Microsoft.EntityFrameworkCore;
using Zout.Basisondersteuning.Web.Data;
using Zout.Basisondersteuning.Web.Domain.Scans;
using Zout.Basisondersteuning.Web.Infrastructure.Authorization;

namespace Zout.Basisondersteuning.Web.Features.DevelopmentPoints;

/// <summary>
/// A school's ontwikkelpunten of one school year, in the framework's order. Read by the school, its board
/// and the partnership; only the school's own users get the buttons to change them.
/// </summary>
public static class ListDevelopmentPoints
{
    public sealed record Row(
        int Id,
        string DomainName,
        string AspectName,
        string Title,
        int? CurrentLevel,
        int? TargetLevel,
        string? Actions,
        string? Owner,
        DateOnly? Deadline,
        DevelopmentPointStatus Status,
        int? ConversationId = null,
        DateOnly? ConversationDate = null)
    {
        public string Range => DevelopmentPointTexts.Range(CurrentLevel, TargetLevel);
    }

    public sealed record Model(
        string SchoolCode,
        string SchoolName,
        YearFramework? Year,
        IReadOnlyList<DevelopmentPointYears.Option> Years,
        bool CanEdit,
        IReadOnlyList<Row> Points,
        bool CanConnect = false)
    {
        public string? YearName => Year?.Year.Name;
        public bool IsClosed => Year?.Year.IsClosed == true;

        /// <summary>Users of the school itself, in a year that is not closed.</summary>
        public bool ShowEditing => CanEdit && Year is not null && !IsClosed;

        public string ListUrl => $"/school/{SchoolCode}/ontwikkelpunten?jaar={YearName}";
        public string NewUrl => $"/school/{SchoolCode}/ontwikkelpunten/nieuw?jaar={YearName}";
        public string EditUrl(int id) => $"/school/{SchoolCode}/ontwikkelpunten/{id}/bewerken";
        public string DeleteUrl(int id) => $"/school/{SchoolCode}/ontwikkelpunten/{id}/verwijderen";

        /// <summary>Team Basisondersteuning (Verbinder): connect the school to one that is strong in this point's domain/aspect.</summary>
        public string ConnectUrl(int id) => $"/school/{SchoolCode}/verbindingen/nieuw?ontwikkelpunt={id}";
    }

    public sealed class Handler(AppDbContext db, DevelopmentPointYears.Handler years)
    {
        /// <summary>
        /// The list of the named year, or of the latest year with a framework; null when the named year
        /// does not exist or has no framework.
        /// </summary>
        public async Task<Model?> HandleAsync(SchoolAccess school, string? yearName, CancellationToken cancellationToken)
        {
            var year = await years.FindAsync(yearName, cancellationToken);
            if (year is null && !string.IsNullOrWhiteSpace(yearName)) return null;

            var schoolId = school.SchoolId;
            var canEdit = school.Can(SchoolPermission.Edit);
            var options = await years.OptionsAsync(cancellationToken);
            var rows = year is null ? [] : await RowsAsync(schoolId, year, cancellationToken);
            return new Model(school.LocationCode, school.School!.Name, year, options, canEdit, rows, CanConnect: school.Can(SchoolPermission.Consult));
        }

        private async Task<IReadOnlyList<Row>> RowsAsync(int schoolId, YearFramework year, CancellationToken cancellationToken)
        {
            var points = await db.DevelopmentPoints.AsNoTracking()
                .Where(p => p.SchoolId == schoolId && p.SchoolYearId == year.Year.Id)
                .Select(p => new { p.Id, p.DomainKey, p.AspectKey, p.Title, p.CurrentLevel, p.TargetLevel, p.Actions, p.Owner, p.Deadline, p.Status })
                .ToListAsync(cancellationToken);
            // A point that came from an agreement of a conversation links back to it (issue 11).
            var ids = points.Select(p => p.Id).ToList();
            var sources = await db.ConversationAgreements.AsNoTracking()
                .Where(a => a.DevelopmentPointId != null && ids.Contains(a.DevelopmentPointId.Value))
                .Select(a => new { PointId = a.DevelopmentPointId!.Value, a.ConversationId, a.Conversation.Date })
                .ToListAsync(cancellationToken);

            var framework = year.Definition;
            var domainOrder = framework.Domains.Select((d, i) => (d.Key, i)).ToDictionary(x => x.Key, x => x.i);
            var aspectOrder = framework.Aspects.Select((a, i) => (a.Key, i)).ToDictionary(x => x.Key, x => x.i);
            return points
                .OrderBy(p => domainOrder.GetValueOrDefault(p.DomainKey, int.MaxValue))
                .ThenBy(p => aspectOrder.GetValueOrDefault(p.AspectKey, int.MaxValue))
                .ThenBy(p => p.Title, StringComparer.CurrentCultureIgnoreCase)
                .Select(p => new Row(p.Id, framework.DomainName(p.DomainKey), framework.AspectName(p.AspectKey),
                    p.Title, p.CurrentLevel, p.TargetLevel, p.Actions, p.Owner, p.Deadline, p.Status,
                    sources.FirstOrDefault(s => s.PointId == p.Id)?.ConversationId, sources.FirstOrDefault(s => s.PointId == p.Id)?.Date))
                .ToList();
        }
    }
}

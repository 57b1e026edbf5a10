using Microsoft.EntityFrameworkCore;
using Zout.Basisondersteuning.Web.Data;
using Zout.Basisondersteuning.Web.Domain.Scans;
using Zout.Basisondersteuning.Web.Infrastructure.Results;

namespace Zout.Basisondersteuning.Web.Features.DevelopmentPoints;

/// <summary>
/// A new ontwikkelpunt, usually started from a cell of the scan:
/// <c>/school/{code}/ontwikkelpunten/nieuw?jaar=2026-2027&amp;domein=rekenen&amp;aspect=expertise</c>.
/// The cell's level in the school's scan of that year is A; its target level (or one step up) is B.
/// </summary>
public static class CreateDevelopmentPoint
{
    public sealed class Handler(AppDbContext db, ILogger<Handler> logger)
    {
        public async Task<DevelopmentPointForm.Input> PrefillAsync(int schoolId, YearFramework year, string? domainKey, string? aspectKey, CancellationToken cancellationToken)
        {
            var framework = year.Definition;
            var domain = framework.Domains.ByKey(domainKey?.Trim());
            var aspect = framework.Aspects.ByKey(aspectKey?.Trim());
            var input = new DevelopmentPointForm.Input { DomainKey = domain?.Key, AspectKey = aspect?.Key, Status = DevelopmentPointStatus.Planned };
            if (domain is null || aspect is null)
            {
                input.Title = domain?.Name ?? aspect?.Name;
                return input;
            }

            var cellKey = ItemKey.Cell(domain.Key, aspect.Key).ToString();
            var answer = await db.ScanAnswers.AsNoTracking()
                .Where(a => a.Scan.SchoolId == schoolId && a.Scan.SchoolYearId == year.Year.Id && a.ItemKey == cellKey)
                .Select(a => new { a.Level, a.TargetLevel })
                .FirstOrDefaultAsync(cancellationToken);

            var current = answer?.Level is { } level && DevelopmentPointForm.IsLevel(framework, level) ? level : (int?)null;
            input.CurrentLevel = current;
            input.TargetLevel = SuggestedTarget(framework, current, answer?.TargetLevel);
            input.Title = DevelopmentPointTexts.SuggestedTitle(domain.Name, aspect.Name, input.CurrentLevel, input.TargetLevel);
            return input;
        }

        /// <summary>The scan's target level when it is above A; else one step up, unless A is already the top.</summary>
        private static int? SuggestedTarget(FrameworkDefinition framework, int? current, int? scanTarget)
        {
            if (scanTarget is { } target && DevelopmentPointForm.IsLevel(framework, target) && (current is null || target > current)) return target;
            if (current is null) return null;
            return DevelopmentPointForm.LevelValues(framework).Where(v => v > current).Cast<int?>().FirstOrDefault();
        }

        public async Task<Result> CreateAsync(int schoolId, YearFramework year, DevelopmentPointForm.Input input, CancellationToken cancellationToken)
        {
            var values = input.ToValues();
            var point = new DevelopmentPoint
            {
                SchoolId = schoolId,
                SchoolYearId = year.Year.Id,
                DomainKey = values.DomainKey,
                AspectKey = values.AspectKey,
                Title = values.Title,
                CurrentLevel = values.CurrentLevel,
                TargetLevel = values.TargetLevel,
                Actions = values.Actions,
                Owner = values.Owner,
                Deadline = values.Deadline,
                Status = values.Status,
                Version = 1,
            };
            db.DevelopmentPoints.Add(point);
            await db.SaveChangesAsync(cancellationToken);
            logger.LogInformation("Development point {PointId} created for school {SchoolId} in {SchoolYear}", point.Id, schoolId, year.Year.Name);
            return Result.Ok(point.Id, point.Version);
        }
    }
}

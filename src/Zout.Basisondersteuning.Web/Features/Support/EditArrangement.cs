using System.Globalization;
using FluentValidation;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Zout.Basisondersteuning.Web.Data;
using Zout.Basisondersteuning.Web.Domain.Support;
using Zout.Basisondersteuning.Web.Features.Structure;
using Zout.Basisondersteuning.Web.Infrastructure.Results;

namespace Zout.Basisondersteuning.Web.Features.Support;

/// <summary>Create, edit or delete one arrangement of a year's offering.</summary>
public static class EditArrangement
{
    public sealed class Input
    {
        public string? Name { get; set; }
        public string? Form { get; set; }
        public string? Relation { get; set; }
        public string? Duration { get; set; }
        public string? HostSchoolId { get; set; }
        public List<int> RegionIds { get; set; } = [];
        public string? Description { get; set; }
        public int SortOrder { get; set; }
        public long Version { get; set; }
    }

    public sealed record Model(string YearName, int? Id, Input Input, IReadOnlyList<SelectListItem> Forms, IReadOnlyList<SelectListItem> Relations,
        IReadOnlyList<SelectListItem> Durations, IReadOnlyList<SelectListItem> Schools, IReadOnlyList<SelectListItem> Regions);

    public sealed class Validator : AbstractValidator<Input>
    {
        public Validator()
        {
            RuleFor(x => x.Name).NotEmpty().WithMessage("Vul de naam van het arrangement in.")
                .MaximumLength(SupportArrangement.NameMaxLength).WithMessage($"De naam mag hoogstens {SupportArrangement.NameMaxLength} tekens lang zijn.");
            RuleFor(x => x.Form).Must(v => Enum.TryParse<ArrangementForm>(v, out var f) && Enum.IsDefined(f)).WithMessage("Kies individueel of groep.");
            RuleFor(x => x.Relation).Must(v => Enum.TryParse<ArrangementRelation>(v, out var r) && Enum.IsDefined(r)).WithMessage("Kies vervangend of aanvullend.");
            RuleFor(x => x.Duration).Must(v => Enum.TryParse<ArrangementDuration>(v, out var d) && Enum.IsDefined(d)).WithMessage("Kies kort, middellang of lang.");
            RuleFor(x => x.Description).MaximumLength(SupportArrangement.DescriptionMaxLength).WithMessage($"Hoogstens {SupportArrangement.DescriptionMaxLength} tekens.");
        }
    }

    public sealed class Handler(AppDbContext db)
    {
        public async Task<Model> ModelAsync(string yearName, int? id, Input input, CancellationToken cancellationToken) => new(yearName, id, input,
            Enum.GetValues<ArrangementForm>().Select(v => new SelectListItem(v.ToDutch(), v.ToString())).ToList(),
            Enum.GetValues<ArrangementRelation>().Select(v => new SelectListItem(v.ToDutch(), v.ToString())).ToList(),
            Enum.GetValues<ArrangementDuration>().Select(v => new SelectListItem(v.ToDutch(), v.ToString())).ToList(),
            await db.Schools.AsNoTracking().Where(s => s.IsActive).OrderBy(s => s.Name).Select(s => new SelectListItem($"{s.Name} ({s.LocationCode})", s.Id.ToString(CultureInfo.InvariantCulture))).ToListAsync(cancellationToken),
            await db.Regions.AsNoTracking().Where(r => r.IsActive).OrderBy(r => r.Name).Select(r => new SelectListItem(r.Name, r.Id.ToString(CultureInfo.InvariantCulture))).ToListAsync(cancellationToken));

        public async Task<Model?> GetAsync(string yearName, int schoolYearId, int id, CancellationToken cancellationToken)
        {
            var a = await db.SupportArrangements.AsNoTracking().Include(x => x.Regions).SingleOrDefaultAsync(x => x.Id == id && x.SchoolYearId == schoolYearId, cancellationToken);
            if (a is null) return null;
            return await ModelAsync(yearName, id, new Input
            {
                Name = a.Name,
                Form = a.Form.ToString(),
                Relation = a.Relation.ToString(),
                Duration = a.Duration.ToString(),
                HostSchoolId = a.HostSchoolId?.ToString(CultureInfo.InvariantCulture),
                RegionIds = a.Regions.Select(r => r.Id).ToList(),
                Description = a.Description,
                SortOrder = a.SortOrder,
                Version = a.UpdatedAt.UtcTicks,
            }, cancellationToken);
        }

        /// <summary>Creates (no <paramref name="id"/>) or changes an arrangement; a conflict when someone else saved it in between.</summary>
        public async Task<Result> SaveAsync(int schoolYearId, int? id, Input input, CancellationToken cancellationToken)
        {
            SupportArrangement arrangement;
            if (id is null)
            {
                arrangement = new SupportArrangement { SchoolYearId = schoolYearId };
                db.SupportArrangements.Add(arrangement);
            }
            else
            {
                if (await db.SupportArrangements.Include(a => a.Regions).SingleOrDefaultAsync(a => a.Id == id && a.SchoolYearId == schoolYearId, cancellationToken) is not { } stored) return Result.NotFound();
                arrangement = stored;
                if (arrangement.UpdatedAt.UtcTicks != input.Version) return Result.Conflict(StructureForms.ConflictMessage);
                db.Entry(arrangement).Property(a => a.UpdatedAt).OriginalValue = new DateTimeOffset(input.Version, TimeSpan.Zero);
            }

            int? hostId = int.TryParse(input.HostSchoolId, out var h) && await db.Schools.AnyAsync(s => s.Id == h, cancellationToken) ? h : null;
            arrangement.Name = input.Name!.Trim();
            arrangement.Form = Enum.Parse<ArrangementForm>(input.Form!);
            arrangement.Relation = Enum.Parse<ArrangementRelation>(input.Relation!);
            arrangement.Duration = Enum.Parse<ArrangementDuration>(input.Duration!);
            arrangement.HostSchoolId = hostId;
            arrangement.Description = StructureForms.Clean(input.Description);
            arrangement.SortOrder = input.SortOrder;
            var regions = await db.Regions.Where(r => input.RegionIds.Contains(r.Id)).ToListAsync(cancellationToken);
            arrangement.Regions.Clear();
            arrangement.Regions.AddRange(regions);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                return Result.Conflict(StructureForms.ConflictMessage);
            }

            return Result.Ok(arrangement.Id);
        }

        public async Task<Result> DeleteAsync(int schoolYearId, int id, CancellationToken cancellationToken) =>
            await db.SupportArrangements.Where(a => a.Id == id && a.SchoolYearId == schoolYearId).ExecuteDeleteAsync(cancellationToken) > 0
                ? Result.Ok(id)
                : Result.NotFound();
    }
}

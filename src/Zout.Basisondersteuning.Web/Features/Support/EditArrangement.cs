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
        public string? Description { get; set; }
        public string? TargetGroup { get; set; }
        public string? Form { get; set; }
        public string? Relation { get; set; }

        /// <summary>Short, Medium, Long: any of them, or none ("in overleg").</summary>
        public List<string> Durations { get; set; } = [];

        public string? Status { get; set; } = nameof(ArrangementStatus.Available);
        public string? HostSchoolId { get; set; }
        public string? Location { get; set; }
        public List<int> RegionIds { get; set; } = [];

        /// <summary>Text, so a wrong entry comes back as typed with a Dutch message.</summary>
        public string? Places { get; set; }

        public string? HowToApply { get; set; }
        public string? Contact { get; set; }
        public int SortOrder { get; set; }
        public long Version { get; set; }
    }

    public sealed record Model(string YearName, int? Id, Input Input, IReadOnlyList<SelectListItem> Forms, IReadOnlyList<SelectListItem> Relations,
        IReadOnlyList<SelectListItem> Durations, IReadOnlyList<SelectListItem> Statuses, IReadOnlyList<SelectListItem> Schools, IReadOnlyList<SelectListItem> Regions);

    private static bool IsDefined<T>(string? value) where T : struct, Enum =>
        !int.TryParse(value, out _) && Enum.TryParse<T>(value, out var parsed) && Enum.IsDefined(parsed);

    private static ArrangementDurations DurationsOf(IEnumerable<string> values) =>
        values.Select(Enum.Parse<ArrangementDurations>).Aggregate(ArrangementDurations.None, (all, one) => all | one);

    public sealed class Validator : AbstractValidator<Input>
    {
        public Validator()
        {
            var tooLong = $"Hoogstens {SupportArrangement.ShortTextMaxLength} tekens.";
            RuleFor(x => x.Name).NotEmpty().WithMessage("Vul de naam van het arrangement in.")
                .MaximumLength(SupportArrangement.NameMaxLength).WithMessage($"De naam mag hoogstens {SupportArrangement.NameMaxLength} tekens lang zijn.");
            RuleFor(x => x.Form).Must(IsDefined<ArrangementForm>).WithMessage("Kies individueel, geclusterd of groepsarrangement.");
            RuleFor(x => x.Relation).Must(IsDefined<ArrangementRelation>).WithMessage("Kies vervangend of aanvullend.");
            RuleFor(x => x.Durations).Must(d => d.All(v => IsDefined<ArrangementDurations>(v) && v != nameof(ArrangementDurations.None)))
                .WithMessage("Kies short, medium of long (of niets: in overleg).");
            RuleFor(x => x.Status).Must(IsDefined<ArrangementStatus>).WithMessage("Kies beschikbaar of in ontwikkeling.");
            RuleFor(x => x.Places).Must(p => string.IsNullOrWhiteSpace(p)
                    || (int.TryParse(p.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= SupportArrangement.MaxPlaces))
                .WithMessage($"Vul een aantal plaatsen in van 1 tot en met {SupportArrangement.MaxPlaces.ToString("N0", Infrastructure.PortalSetup.Dutch)}, of laat het leeg.");
            RuleFor(x => x.Description).MaximumLength(SupportArrangement.DescriptionMaxLength).WithMessage($"Hoogstens {SupportArrangement.DescriptionMaxLength} tekens.");
            RuleFor(x => x.TargetGroup).MaximumLength(SupportArrangement.ShortTextMaxLength).WithMessage(tooLong);
            RuleFor(x => x.HowToApply).MaximumLength(SupportArrangement.ShortTextMaxLength).WithMessage(tooLong);
            RuleFor(x => x.Contact).MaximumLength(SupportArrangement.ShortTextMaxLength).WithMessage(tooLong);
            RuleFor(x => x.Location).MaximumLength(SupportArrangement.LocationMaxLength).WithMessage($"Hoogstens {SupportArrangement.LocationMaxLength} tekens.");
        }
    }

    public sealed class Handler(AppDbContext db)
    {
        public async Task<Model> ModelAsync(string yearName, int? id, Input input, CancellationToken cancellationToken) => new(yearName, id, input,
            SupportTexts.Forms.Select(v => new SelectListItem(v.ToDutch(), v.ToString())).ToList(),
            Enum.GetValues<ArrangementRelation>().Select(v => new SelectListItem(v.ToDutch(), v.ToString())).ToList(),
            SupportTexts.EachDuration.Select(v => new SelectListItem(v.ToDutchOne(), v.ToString(), input.Durations.Contains(v.ToString()))).ToList(),
            Enum.GetValues<ArrangementStatus>().Select(v => new SelectListItem(v.ToDutch(), v.ToString())).ToList(),
            await db.Schools.AsNoTracking().Where(s => s.IsActive).OrderBy(s => s.Name).Select(s => new SelectListItem($"{s.Name} ({s.LocationCode})", s.Id.ToString(CultureInfo.InvariantCulture))).ToListAsync(cancellationToken),
            await db.Regions.AsNoTracking().Where(r => r.IsActive).OrderBy(r => r.Name).Select(r => new SelectListItem(r.Name, r.Id.ToString(CultureInfo.InvariantCulture))).ToListAsync(cancellationToken));

        public async Task<Model?> GetAsync(string yearName, int schoolYearId, int id, CancellationToken cancellationToken)
        {
            var a = await db.SupportArrangements.AsNoTracking().Include(x => x.Regions).SingleOrDefaultAsync(x => x.Id == id && x.SchoolYearId == schoolYearId, cancellationToken);
            if (a is null) return null;
            return await ModelAsync(yearName, id, new Input
            {
                Name = a.Name,
                Description = a.Description,
                TargetGroup = a.TargetGroup,
                Form = a.Form.ToString(),
                Relation = a.Relation.ToString(),
                Durations = SupportTexts.EachDuration.Where(d => a.Durations.HasFlag(d)).Select(d => d.ToString()).ToList(),
                Status = a.Status.ToString(),
                HostSchoolId = a.HostSchoolId?.ToString(CultureInfo.InvariantCulture),
                Location = a.Location,
                RegionIds = a.Regions.Select(r => r.Id).ToList(),
                Places = a.Places?.ToString(CultureInfo.InvariantCulture),
                HowToApply = a.HowToApply,
                Contact = a.Contact,
                SortOrder = a.SortOrder,
                Version = a.UpdatedAt.UtcTicks,
            }, cancellationToken);
        }

        /// <summary>Creates (no <paramref name="id"/>) or changes an arrangement; a conflict when someone else saved it in between.</summary>
        public async Task<Result> SaveAsync(int schoolYearId, int? id, Input input, CancellationToken cancellationToken)
        {
            int? hostId = null;
            if (!string.IsNullOrEmpty(input.HostSchoolId))
            {
                hostId = int.TryParse(input.HostSchoolId, out var h) && await db.Schools.AnyAsync(s => s.Id == h, cancellationToken) ? h : null;
                if (hostId is null) return Result.Invalid(nameof(Input.HostSchoolId), "Kies een school uit de lijst.");
            }

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

            arrangement.Name = input.Name!.Trim();
            arrangement.Description = StructureForms.Clean(input.Description);
            arrangement.TargetGroup = StructureForms.Clean(input.TargetGroup);
            arrangement.Form = Enum.Parse<ArrangementForm>(input.Form!);
            arrangement.Relation = Enum.Parse<ArrangementRelation>(input.Relation!);
            arrangement.Durations = DurationsOf(input.Durations);
            arrangement.Status = Enum.Parse<ArrangementStatus>(input.Status!);
            arrangement.HostSchoolId = hostId;
            arrangement.Location = StructureForms.Clean(input.Location);
            arrangement.Places = string.IsNullOrWhiteSpace(input.Places) ? null : int.Parse(input.Places.Trim(), NumberStyles.None, CultureInfo.InvariantCulture);
            arrangement.HowToApply = StructureForms.Clean(input.HowToApply);
            arrangement.Contact = StructureForms.Clean(input.Contact);
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

        /// <summary>Through the change tracker, so the save raises the support counter the documents follow.</summary>
        public async Task<Result> DeleteAsync(int schoolYearId, int id, CancellationToken cancellationToken)
        {
            var arrangement = await db.SupportArrangements.SingleOrDefaultAsync(a => a.Id == id && a.SchoolYearId == schoolYearId, cancellationToken);
            if (arrangement is null) return Result.NotFound();
            db.SupportArrangements.Remove(arrangement);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                // Changed (or removed) by someone else after it was read: nothing is removed that the user has not seen.
                return Result.Conflict(StructureForms.ConflictMessage);
            }

            return Result.Ok(id);
        }
    }
}

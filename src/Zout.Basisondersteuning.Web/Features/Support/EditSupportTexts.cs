using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Zout.Basisondersteuning.Web.Data;
using Zout.Basisondersteuning.Web.Domain.Support;
using Zout.Basisondersteuning.Web.Features.Structure;
using Zout.Basisondersteuning.Web.Infrastructure.Results;

namespace Zout.Basisondersteuning.Web.Features.Support;

/// <summary>The intro text for the SOP and the text of each of the four phases.</summary>
public static class EditSupportTexts
{
    public sealed class Input
    {
        public string? Introduction { get; set; }
        public string? Phase1 { get; set; }
        public string? Phase2 { get; set; }
        public string? Phase3 { get; set; }
        public string? Phase4 { get; set; }
        public long Version { get; set; }
    }

    public sealed class Validator : AbstractValidator<Input>
    {
        public Validator()
        {
            var message = $"Hoogstens {SupportOffering.TextMaxLength} tekens.";
            RuleFor(x => x.Introduction).MaximumLength(SupportOffering.TextMaxLength).WithMessage(message);
            RuleFor(x => x.Phase1).MaximumLength(SupportOffering.TextMaxLength).WithMessage(message);
            RuleFor(x => x.Phase2).MaximumLength(SupportOffering.TextMaxLength).WithMessage(message);
            RuleFor(x => x.Phase3).MaximumLength(SupportOffering.TextMaxLength).WithMessage(message);
            RuleFor(x => x.Phase4).MaximumLength(SupportOffering.TextMaxLength).WithMessage(message);
        }
    }

    public sealed class Handler(AppDbContext db)
    {
        /// <summary>Saves; a conflict when someone else saved in between (nothing is overwritten then).</summary>
        public async Task<Result> HandleAsync(int schoolYearId, Input input, CancellationToken cancellationToken)
        {
            var offering = await db.SupportOfferings.SingleOrDefaultAsync(o => o.SchoolYearId == schoolYearId, cancellationToken);
            if (offering is null)
            {
                if (input.Version != 0) return Conflict();
                offering = new SupportOffering { SchoolYearId = schoolYearId };
                db.SupportOfferings.Add(offering);
            }
            else
            {
                if (offering.UpdatedAt.UtcTicks != input.Version) return Conflict();
                db.Entry(offering).Property(o => o.UpdatedAt).OriginalValue = new DateTimeOffset(input.Version, TimeSpan.Zero);
            }

            offering.Introduction = StructureForms.Clean(input.Introduction);
            offering.Phase1 = StructureForms.Clean(input.Phase1);
            offering.Phase2 = StructureForms.Clean(input.Phase2);
            offering.Phase3 = StructureForms.Clean(input.Phase3);
            offering.Phase4 = StructureForms.Clean(input.Phase4);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // A concurrency token, or the one-offering-per-year index when someone else made the first one meanwhile.
                return Conflict();
            }

            return Result.Ok(offering.Id);
        }

        private static Result Conflict() => Result.Conflict(StructureForms.ConflictMessage);
    }
}

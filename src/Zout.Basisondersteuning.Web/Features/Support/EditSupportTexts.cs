using System.Linq.Expressions;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Zout.Basisondersteuning.Web.Data;
using Zout.Basisondersteuning.Web.Domain.Support;
using Zout.Basisondersteuning.Web.Features.Structure;
using Zout.Basisondersteuning.Web.Infrastructure.Results;

namespace Zout.Basisondersteuning.Web.Features.Support;

/// <summary>
/// The partnership's texts of one school year: the framing at the start of every SOP, the introduction to extra
/// support, the title and text of each of the four phases of the route, and "volgen, evalueren en bijstellen".
/// </summary>
public static class EditSupportTexts
{
    public sealed class Input
    {
        public string? SopFraming { get; set; }
        public string? Introduction { get; set; }
        public string? Phase1Title { get; set; }
        public string? Phase1 { get; set; }
        public string? Phase2Title { get; set; }
        public string? Phase2 { get; set; }
        public string? Phase3Title { get; set; }
        public string? Phase3 { get; set; }
        public string? Phase4Title { get; set; }
        public string? Phase4 { get; set; }
        public string? FollowUpTitle { get; set; }
        public string? FollowUp { get; set; }
        public long Version { get; set; }

        /// <summary>The form as it opens: the stored texts, or the defaults when the year has none yet (version 0).</summary>
        public static Input From(SupportOffering? offering)
        {
            var texts = offering ?? SupportDefaults.Texts();
            var phases = texts.Phases();
            return new Input
            {
                SopFraming = texts.SopFramingOrDefault,
                Introduction = texts.Introduction,
                Phase1Title = phases[0].Title,
                Phase1 = phases[0].Text,
                Phase2Title = phases[1].Title,
                Phase2 = phases[1].Text,
                Phase3Title = phases[2].Title,
                Phase3 = phases[2].Text,
                Phase4Title = phases[3].Title,
                Phase4 = phases[3].Text,
                FollowUpTitle = texts.FollowUpTitleOrDefault,
                FollowUp = texts.FollowUp,
                Version = offering?.UpdatedAt.UtcTicks ?? 0,
            };
        }
    }

    public sealed class Validator : AbstractValidator<Input>
    {
        public Validator()
        {
            var tooLong = $"Hoogstens {SupportOffering.TextMaxLength} tekens.";
            RuleFor(x => x.SopFraming).NotEmpty().WithMessage("Vul de tekst in waarmee elk schoolondersteuningsprofiel begint.")
                .MaximumLength(SupportOffering.TextMaxLength).WithMessage(tooLong);
            foreach (var text in new Expression<Func<Input, string?>>[] { x => x.Introduction, x => x.Phase1, x => x.Phase2, x => x.Phase3, x => x.Phase4, x => x.FollowUp })
            {
                RuleFor(text).MaximumLength(SupportOffering.TextMaxLength).WithMessage(tooLong);
            }

            Title(x => x.Phase1Title, "fase 1");
            Title(x => x.Phase2Title, "fase 2");
            Title(x => x.Phase3Title, "fase 3");
            Title(x => x.Phase4Title, "fase 4");
            Title(x => x.FollowUpTitle, "volgen, evalueren en bijstellen");
        }

        private void Title(Expression<Func<Input, string?>> title, string what) =>
            RuleFor(title).NotEmpty().WithMessage($"Geef een titel voor {what}.")
                .MaximumLength(SupportOffering.TitleMaxLength).WithMessage($"Hoogstens {SupportOffering.TitleMaxLength} tekens.");
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

            offering.SopFraming = StructureForms.Clean(input.SopFraming);
            offering.Introduction = StructureForms.Clean(input.Introduction);
            offering.Phase1Title = StructureForms.Clean(input.Phase1Title);
            offering.Phase1 = StructureForms.Clean(input.Phase1);
            offering.Phase2Title = StructureForms.Clean(input.Phase2Title);
            offering.Phase2 = StructureForms.Clean(input.Phase2);
            offering.Phase3Title = StructureForms.Clean(input.Phase3Title);
            offering.Phase3 = StructureForms.Clean(input.Phase3);
            offering.Phase4Title = StructureForms.Clean(input.Phase4Title);
            offering.Phase4 = StructureForms.Clean(input.Phase4);
            offering.FollowUpTitle = StructureForms.Clean(input.FollowUpTitle);
            offering.FollowUp = StructureForms.Clean(input.FollowUp);
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

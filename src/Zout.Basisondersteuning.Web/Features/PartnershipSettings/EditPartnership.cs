using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Zout.Basisondersteuning.Web.Data;
using Zout.Basisondersteuning.Web.Domain;
using Zout.Basisondersteuning.Web.Domain.Administration;
using Zout.Basisondersteuning.Web.Features.Structure;
using Zout.Basisondersteuning.Web.Infrastructure.Auditing;
using Zout.Basisondersteuning.Web.Infrastructure.Results;

namespace Zout.Basisondersteuning.Web.Features.PartnershipSettings;

/// <summary>
/// The partnership's own details: its name (in the header, the SOP and the reports) and how parents and schools reach
/// it (the Ouderrapport prints phone, e-mail and website). One partnership per portal.
/// </summary>
public static class EditPartnership
{
    public const int EmailMaxLength = 256;
    public const int PhoneMaxLength = 30;
    public const int PostalCodeMaxLength = 10;

    public sealed class Input
    {
        public string? Name { get; set; }
        public string? ShortName { get; set; }
        public string? Phone { get; set; }
        public string? Email { get; set; }
        public string? Website { get; set; }
        public string? Street { get; set; }
        public string? PostalCode { get; set; }
        public string? City { get; set; }
        public long Version { get; set; }
    }

    public sealed record Model(Input Input);

    public sealed class Validator : AbstractValidator<Input>
    {
        public Validator()
        {
            RuleFor(x => x.Name).NotEmpty().WithMessage("Vul de naam van het samenwerkingsverband in.")
                .MaximumLength(Partnership.NameMaxLength).WithMessage($"Hoogstens {Partnership.NameMaxLength} tekens.");
            RuleFor(x => x.ShortName).NotEmpty().WithMessage("Vul een korte naam in, zoals SWV Heuvelrug.")
                .MaximumLength(Partnership.ShortNameMaxLength).WithMessage($"Hoogstens {Partnership.ShortNameMaxLength} tekens.");
            RuleFor(x => x.Phone).MaximumLength(PhoneMaxLength).WithMessage($"Hoogstens {PhoneMaxLength} tekens.")
                .Must(p => string.IsNullOrWhiteSpace(p) || p.Count(char.IsAsciiDigit) >= 10).WithMessage("Vul een telefoonnummer in van minstens 10 cijfers, zoals 030 123 40 00.");
            RuleFor(x => x.Email).Cascade(CascadeMode.Stop)
                .MaximumLength(EmailMaxLength).WithMessage($"Hoogstens {EmailMaxLength} tekens.")
                .EmailAddress().WithMessage("Vul een geldig e-mailadres in, zoals info@swv.nl.");
            RuleFor(x => x.Website).Cascade(CascadeMode.Stop)
                .MaximumLength(School.WebsiteMaxLength).WithMessage($"Hoogstens {School.WebsiteMaxLength} tekens.")
                .Must(w => string.IsNullOrWhiteSpace(w) || IsWebsite(w)).WithMessage("Vul een webadres in, zoals https://www.swv.nl of www.swv.nl.");
            RuleFor(x => x.Street).MaximumLength(School.ShortTextMaxLength).WithMessage($"Hoogstens {School.ShortTextMaxLength} tekens.");
            RuleFor(x => x.PostalCode).MaximumLength(PostalCodeMaxLength).WithMessage($"Hoogstens {PostalCodeMaxLength} tekens.");
            RuleFor(x => x.City).MaximumLength(School.ShortTextMaxLength).WithMessage($"Hoogstens {School.ShortTextMaxLength} tekens.");
        }

        private static bool IsWebsite(string value)
        {
            var text = value.Trim();
            var withScheme = text.Contains("://", StringComparison.Ordinal) ? text : "https://" + text;
            return Uri.TryCreate(withScheme, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http" && uri.Host.Contains('.', StringComparison.Ordinal);
        }
    }

    public sealed class Handler(AppDbContext db, AuditLog auditLog)
    {
        public async Task<Input> GetAsync(CancellationToken cancellationToken) =>
            await db.Partnerships.AsNoTracking().OrderBy(p => p.Id).Select(p => new Input
            {
                Name = p.Name,
                ShortName = p.ShortName,
                Phone = p.Phone,
                Email = p.Email,
                Website = p.Website,
                Street = p.Street,
                PostalCode = p.PostalCode,
                City = p.City,
                Version = p.UpdatedAt.UtcTicks,
            }).FirstOrDefaultAsync(cancellationToken) ?? new Input();

        /// <summary>Saves (the first save of a portal without one makes it); a conflict when another admin saved in between.</summary>
        public async Task<Result> SaveAsync(Input input, CancellationToken cancellationToken)
        {
            var partnership = await db.Partnerships.OrderBy(p => p.Id).FirstOrDefaultAsync(cancellationToken);
            if (partnership is null)
            {
                if (input.Version != 0) return Result.Conflict(StructureForms.ConflictMessage);
                partnership = new Partnership { Name = "", ShortName = "" };
                db.Partnerships.Add(partnership);
            }
            else
            {
                if (partnership.UpdatedAt.UtcTicks != input.Version) return Result.Conflict(StructureForms.ConflictMessage);
                db.Entry(partnership).Property(p => p.UpdatedAt).OriginalValue = new DateTimeOffset(input.Version, TimeSpan.Zero);
            }

            partnership.Name = input.Name!.Trim();
            partnership.ShortName = input.ShortName!.Trim();
            partnership.Phone = StructureForms.Clean(input.Phone);
            partnership.Email = StructureForms.Clean(input.Email);
            partnership.Website = StructureForms.Clean(input.Website);
            partnership.Street = StructureForms.Clean(input.Street);
            partnership.PostalCode = StructureForms.Clean(input.PostalCode)?.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
            partnership.City = StructureForms.Clean(input.City);
            auditLog.Add(AuditActions.PartnershipChanged, $"Gegevens van {partnership.Name} gewijzigd.", subject: partnership.ShortName);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                return Result.Conflict(StructureForms.ConflictMessage);
            }

            return Result.Ok(partnership.Id);
        }
    }
}

using Zout.Basisondersteuning.Web.Infrastructure.Auditing;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Zout.Basisondersteuning.Web.Data;
using Zout.Basisondersteuning.Web.Domain.Scans;
using Zout.Basisondersteuning.Web.Infrastructure;
using Zout.Basisondersteuning.Web.Infrastructure.Authorization;

namespace Zout.Basisondersteuning.Web.Features.Scans;

/// <summary>Ingediend -> Vastgesteld: only by the directeur, with the adoption date and the MR advice.</summary>
public static class Adopt
{
    public sealed class Input
    {
        public int Version { get; set; }
        public DateOnly? AdoptionDate { get; set; }
        public DateOnly? MrAdviceDate { get; set; }
        public MrAdviceOutcome? MrAdviceOutcome { get; set; }
    }

    public sealed class Validator : AbstractValidator<Input>
    {
        public Validator(TimeProvider time)
        {
            RuleFor(x => x.AdoptionDate).NotNull().WithMessage("Vul de datum van vaststelling in.")
                .Must(d => d <= time.Today()).WithMessage("De datum van vaststelling kan niet in de toekomst liggen.");
            RuleFor(x => x.MrAdviceDate).NotNull().WithMessage("Vul de datum van het advies van de medezeggenschapsraad in.")
                .Must((x, d) => x.AdoptionDate is null || d <= x.AdoptionDate).WithMessage("Het advies van de MR komt vóór de vaststelling: kies een datum op of voor de vaststellingsdatum.");
            RuleFor(x => x.MrAdviceOutcome).NotNull().WithMessage("Kies de uitkomst van het advies van de medezeggenschapsraad.")
                .IsInEnum().WithMessage("Kies de uitkomst van het advies van de medezeggenschapsraad.");
        }
    }

    /// <summary>PublishError: adopted, but the SOP could not be published yet (it can be retried on the documents page).</summary>
    public sealed record Result(bool Succeeded, string? Error, string? PublishError = null);

    public sealed class Handler(AppDbContext db, ScanTransitions transitions, TimeProvider time, Documents.ISupportProfilePublisher publisher, AuditLog auditLog)
    {
        public async Task<Result> HandleAsync(ScanContext context, Input input, CancellationToken cancellationToken)
        {
            if (!context.Permissions.Contains(SchoolPermission.Adopt)) return new(false, "Alleen de directeur van de school kan de scan vaststellen.");
            if (context.Scan?.Status != ScanStatus.Submitted) return new(false, "Alleen een ingediende scan kan worden vastgesteld.");
            if (context.Year.IsClosed) return new(false, "Dit schooljaar is afgesloten.");
            var scan = await db.Scans.SingleAsync(s => s.Id == context.Scan.Id, cancellationToken);
            if (scan.Version != input.Version) return new(false, "Iemand anders heeft de status van de scan net gewijzigd. Bekijk de scan opnieuw.");
            scan.AdoptedAt = time.GetUtcNow();
            scan.AdoptedBy = transitions.UserName;
            scan.AdoptionDate = input.AdoptionDate;
            scan.MrAdviceDate = input.MrAdviceDate;
            scan.MrAdviceOutcome = input.MrAdviceOutcome;
            // Saved with the transition, or dropped with it on a conflict.
            auditLog.Add(Domain.Administration.AuditActions.Adoption, $"Scan {context.Year.Name} van {context.SchoolName} ({context.LocationCode}) vastgesteld.", subject: context.LocationCode);
            if (!await transitions.MoveAsync(scan, ScanStatus.Adopted, null, cancellationToken))
                return new(false, "Iemand anders heeft de status van de scan net gewijzigd. Bekijk de scan opnieuw.");

            // Adoption publishes the SOP; if that fails the adoption still stands and publishing can be retried.
            var published = await publisher.PublishAsync(scan.Id, transitions.UserName, cancellationToken);
            return new(true, null, published.Succeeded ? null : published.Error);
        }
    }
}

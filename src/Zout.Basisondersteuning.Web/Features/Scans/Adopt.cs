using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Zout.Basisondersteuning.Web.Data;
using Zout.Basisondersteuning.Web.Domain.Scans;
using Zout.Basisondersteuning.Web.Infrastructure;
using Zout.Basisondersteuning.Web.Infrastructure.Auditing;
using Zout.Basisondersteuning.Web.Infrastructure.Authorization;
using Zout.Basisondersteuning.Web.Infrastructure.Notifications;
using Zout.Basisondersteuning.Web.Infrastructure.Results;
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

    public sealed class Handler(AppDbContext db, ScanTransitions transitions, TimeProvider time, Documents.ISupportProfilePublisher publisher, AuditLog auditLog, Notifier notifier)
    {
        /// <summary>On success the value is the publishing error: adopted, but the SOP could not be published yet (it can be retried on the documents page).</summary>
        public async Task<Result<string?>> HandleAsync(ScanContext context, Input input, CancellationToken cancellationToken)
        {
            if (!context.Permissions.Contains(SchoolPermission.Adopt)) return Result.Refused("Alleen de directeur van de school kan de scan vaststellen.").As<string?>();
            if (context.Scan?.Status != ScanStatus.Submitted) return Result.Refused("Alleen een ingediende scan kan worden vastgesteld.").As<string?>();
            if (context.Year.IsClosed) return Result.Refused("Dit schooljaar is afgesloten.").As<string?>();
            var scan = await db.Scans.SingleAsync(s => s.Id == context.Scan.Id, cancellationToken);
            if (scan.Version != input.Version) return Result.Conflict(ScanTransitions.ChangedMeanwhile).As<string?>();
            scan.AdoptedAt = time.GetUtcNow();
            scan.AdoptedBy = transitions.UserName;
            scan.AdoptionDate = input.AdoptionDate;
            scan.MrAdviceDate = input.MrAdviceDate;
            scan.MrAdviceOutcome = input.MrAdviceOutcome;
            // Saved with the transition, or dropped with it on a conflict.
            auditLog.Add(Domain.Administration.AuditActions.Adoption, $"Scan {context.Year.Name} van {context.SchoolName} ({context.LocationCode}) vastgesteld.", subject: context.LocationCode);
            await notifier.QueueAsync(await notifier.ContactPersonAsync(context.SchoolId, cancellationToken), new NotificationMessage(
                $"Scan {context.Year.Name} vastgesteld: {context.SchoolName}",
                $"{context.SchoolName} ({context.LocationCode}) heeft de scan basisondersteuning {context.Year.Name} vastgesteld.",
                context.BasePath, context.SchoolId), cancellationToken);
            if (!await transitions.MoveAsync(scan, ScanStatus.Adopted, null, cancellationToken))
                return Result.Conflict(ScanTransitions.ChangedMeanwhile).As<string?>();
            await notifier.DeliverAsync(cancellationToken);

            // Adoption publishes the SOP; if that fails the adoption still stands and publishing can be retried.
            var published = await publisher.PublishAsync(scan.Id, transitions.UserName, cancellationToken);
            return Result.Ok(scan.Id, scan.Version).With(published.Succeeded ? null : published.Message);
        }
    }
}

using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Zout.Basisondersteuning.Web.Data;
using Zout.Basisondersteuning.Web.Domain.Scans;
using Zout.Basisondersteuning.Web.Infrastructure;
using Zout.Basisondersteuning.Web.Infrastructure.Authorization;

namespace Zout.Basisondersteuning.Web.Features.Scans;

/// <summary>Records a workflow step on a scan; the scan's version guards against two steps at once.</summary>
public sealed class ScanTransitions(AppDbContext db, TimeProvider time, IHttpContextAccessor httpContextAccessor)
{
    public string UserName => httpContextAccessor.HttpContext?.User.Identity?.Name ?? "onbekend";

    public async Task<bool> MoveAsync(Scan scan, ScanStatus to, string? reason, CancellationToken cancellationToken)
    {
        db.ScanTransitions.Add(new ScanTransition { ScanId = scan.Id, From = scan.Status, To = to, At = time.GetUtcNow(), By = UserName, Reason = reason });
        scan.Status = to;
        scan.Version++;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }
}

/// <summary>Concept -> Ingediend: by a user of the school, only when every section is complete.</summary>
public static class Submit
{
    public sealed record Result(bool Succeeded, string? Error);

    public sealed class Handler(AppDbContext db, ScanTransitions transitions, TimeProvider time, ScanOverview.Handler overview)
    {
        public async Task<Result> HandleAsync(ScanContext context, int version, CancellationToken cancellationToken)
        {
            if (!context.Permissions.Contains(SchoolPermission.Edit)) return new(false, "Alleen medewerkers van de school kunnen de scan indienen.");
            if (context.Scan is null || context.Scan.Status is not (ScanStatus.Concept or ScanStatus.NotStarted) || !context.IsEditable)
                return new(false, "De scan kan nu niet worden ingediend.");
            var sections = await overview.SectionsAsync(context, cancellationToken);
            var incomplete = sections.Where(s => !s.IsComplete).Select(s => s.Section.Title).ToList();
            if (incomplete.Count > 0) return new(false, $"De scan is nog niet compleet. Maak eerst af: {string.Join(", ", incomplete)}.");

            var scan = await db.Scans.SingleAsync(s => s.Id == context.Scan.Id, cancellationToken);
            if (scan.Version != version) return new(false, "Iemand anders heeft de status van de scan net gewijzigd. Bekijk de scan opnieuw.");
            scan.SubmittedAt = time.GetUtcNow();
            scan.SubmittedBy = transitions.UserName;
            return await transitions.MoveAsync(scan, ScanStatus.Submitted, null, cancellationToken)
                ? new(true, null)
                : new(false, "Iemand anders heeft de status van de scan net gewijzigd. Bekijk de scan opnieuw.");
        }
    }
}

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

    public sealed class Handler(AppDbContext db, ScanTransitions transitions, TimeProvider time, Documents.ISupportProfilePublisher publisher, AuditLog.AuditLog auditLog)
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

/// <summary>Ingediend or Vastgesteld -> Concept, with a reason: by the directeur or the partnership's admin.</summary>
public static class Reopen
{
    public const int ReasonMaxLength = 2000;

    public sealed class Input
    {
        public int Version { get; set; }
        public string? Reason { get; set; }
    }

    public sealed class Validator : AbstractValidator<Input>
    {
        public Validator()
        {
            RuleFor(x => x.Reason).NotEmpty().WithMessage("Geef aan waarom de scan wordt heropend.")
                .MaximumLength(ReasonMaxLength).WithMessage($"De reden mag hoogstens {ReasonMaxLength} tekens zijn.");
        }
    }

    public sealed record Result(bool Succeeded, string? Error);

    public sealed class Handler(AppDbContext db, ScanTransitions transitions)
    {
        public async Task<Result> HandleAsync(ScanContext context, Input input, CancellationToken cancellationToken)
        {
            if (!context.Permissions.Contains(SchoolPermission.Reopen)) return new(false, "Alleen de directeur van de school of de beheerder kan de scan heropenen.");
            if (context.Scan?.Status is not (ScanStatus.Submitted or ScanStatus.Adopted)) return new(false, "Alleen een ingediende of vastgestelde scan kan worden heropend.");
            if (context.Year.IsClosed) return new(false, "Dit schooljaar is afgesloten.");
            var scan = await db.Scans.SingleAsync(s => s.Id == context.Scan.Id, cancellationToken);
            if (scan.Version != input.Version) return new(false, "Iemand anders heeft de status van de scan net gewijzigd. Bekijk de scan opnieuw.");
            return await transitions.MoveAsync(scan, ScanStatus.Concept, input.Reason!.Trim(), cancellationToken)
                ? new(true, null)
                : new(false, "Iemand anders heeft de status van de scan net gewijzigd. Bekijk de scan opnieuw.");
        }
    }
}

/// <summary>The admin opens the scan of one school for editing outside the scan window, until a date.</summary>
public static class OpenForSchool
{
    public sealed class Input
    {
        public DateOnly? EditableUntil { get; set; }
    }

    public sealed class Validator : AbstractValidator<Input>
    {
        public Validator(TimeProvider time)
        {
            RuleFor(x => x.EditableUntil).NotNull().WithMessage("Kies tot wanneer de school de scan kan bewerken.")
                .Must(d => d >= time.Today()).WithMessage("Kies een datum vanaf vandaag.");
        }
    }

    public sealed class Handler(AppDbContext db, ScanFactory factory, TimeProvider time, IHttpContextAccessor httpContextAccessor)
    {
        public async Task<string?> HandleAsync(ScanContext context, Input input, CancellationToken cancellationToken)
        {
            if (!context.Permissions.Contains(SchoolPermission.Administer)) return "Alleen de beheerder kan de scan voor één school openzetten.";
            if (context.Year.IsClosed) return "Dit schooljaar is afgesloten.";
            var scan = context.Scan is null
                ? await factory.StartAsync(context.SchoolId, context.Year, context.Framework, cancellationToken)
                : await db.Scans.SingleAsync(s => s.Id == context.Scan.Id, cancellationToken);
            scan.EditableUntil = input.EditableUntil;
            db.ScanAuditEntries.Add(new ScanAuditEntry
            {
                ScanId = scan.Id, ItemKey = "scan", Field = "EditableUntil", NewValue = input.EditableUntil?.ToString("yyyy-MM-dd"),
                At = time.GetUtcNow(), By = httpContextAccessor.HttpContext?.User.Identity?.Name ?? "onbekend",
            });
            await db.SaveChangesAsync(cancellationToken);
            return null;
        }
    }
}

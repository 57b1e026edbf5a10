using FluentValidation;
using FluentValidation.Results;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Zout.Basisondersteuning.Web.Data;
using Zout.Basisondersteuning.Web.Domain.Administration;
using Zout.Basisondersteuning.Web.Domain.Scans;
using Zout.Basisondersteuning.Web.Domain.Team;
using Zout.Basisondersteuning.Web.Features.DevelopmentPoints;
using Zout.Basisondersteuning.Web.Infrastructure;
using Zout.Basisondersteuning.Web.Infrastructure.Auditing;
using Zout.Basisondersteuning.Web.Infrastructure.Authorization;
using Zout.Basisondersteuning.Web.Infrastructure.Notifications;
using Zout.Basisondersteuning.Web.Infrastructure.Results;
using Zout.Basisondersteuning.Web.Infrastructure.Validation;

namespace Zout.Basisondersteuning.Web.Features.SupportRequests;

/// <summary>
/// A school user asks Team Basisondersteuning for help ("Vraag aan Team BO"): the kind, what it is about (a domain and
/// aspect, a development point or an offering item), a subject and a description. No pupil data: the form says so,
/// there are no attachments, and a BSN or a date of birth is refused. The school's contact person hears of it.
/// </summary>
public static class AskSupport
{
    private const string ChoicesKey = nameof(Choices);

    public sealed class Input
    {
        public SupportRequestKind? Kind { get; set; }
        public string? Subject { get; set; }
        public string? Description { get; set; }
        public string? DomainKey { get; set; }
        public string? AspectKey { get; set; }
        public int? DevelopmentPointId { get; set; }
        public string? OfferingItemKey { get; set; }
    }

    /// <summary>What the school can link a request to: the current year's framework and its development points.</summary>
    public sealed record Choices(YearFramework? Year, IReadOnlyList<(int Id, string Title, string DomainKey, string AspectKey)> Points)
    {
        public IReadOnlyList<SelectListItem> Kinds => Enum.GetValues<SupportRequestKind>().Select(k => new SelectListItem(k.ToDutch(), k.ToString())).ToList();
        public IReadOnlyList<SelectListItem> Domains => (Year?.Definition.Domains ?? []).Select(d => new SelectListItem(d.Name, d.Key)).ToList();
        public IReadOnlyList<SelectListItem> Aspects => (Year?.Definition.Aspects ?? []).Select(a => new SelectListItem(a.Name, a.Key)).ToList();
        public IReadOnlyList<SelectListItem> OfferingItems => (Year?.Definition.OfferingItems ?? []).Select(i => new SelectListItem(i.Name, i.Key)).ToList();
        public IReadOnlyList<SelectListItem> PointItems => Points.Select(p => new SelectListItem(p.Title, p.Id.ToString(PortalSetup.Dutch))).ToList();
    }

    public sealed record Model(string SchoolCode, string SchoolName, Input Input, Choices Choices);

    public sealed class Validator : AbstractValidator<Input>
    {
        public Validator(TimeProvider time)
        {
            RuleFor(x => x.Kind).Cascade(CascadeMode.Stop)
                .NotNull().WithMessage("Kies waar u hulp bij zoekt.")
                .IsInEnum().WithMessage("Kies een soort vraag uit de lijst.");
            RuleFor(x => x.Subject).Cascade(CascadeMode.Stop)
                .Must(s => !string.IsNullOrWhiteSpace(s)).WithMessage("Geef uw vraag een korte titel.")
                .Must(s => s!.Trim().Length <= SupportRequest.SubjectMaxLength).WithMessage($"De titel mag hoogstens {SupportRequest.SubjectMaxLength} tekens lang zijn.")
                .NoPupilData(time);
            RuleFor(x => x.Description).Cascade(CascadeMode.Stop)
                .Must(s => !string.IsNullOrWhiteSpace(s)).WithMessage("Beschrijf uw vraag.")
                .Must(s => DevelopmentPointForm.CleanText(s)!.Length <= SupportRequest.DescriptionMaxLength)
                .WithMessage($"De beschrijving mag hoogstens {SupportRequest.DescriptionMaxLength} tekens lang zijn.")
                .NoPupilData(time);
            RuleFor(x => x.DomainKey)
                .Must((_, key, context) => string.IsNullOrEmpty(key) || Of(context).Year?.Definition.Domains.ByKey(key) is not null)
                .WithMessage("Kies een domein uit de lijst.");
            RuleFor(x => x.AspectKey)
                .Must((_, key, context) => string.IsNullOrEmpty(key) || Of(context).Year?.Definition.Aspects.ByKey(key) is not null)
                .WithMessage("Kies een aspect uit de lijst.");
            RuleFor(x => x.OfferingItemKey)
                .Must((_, key, context) => string.IsNullOrEmpty(key) || Of(context).Year?.Definition.OfferingItems.ByKey(key) is not null)
                .WithMessage("Kies een onderdeel van het aanbod uit de lijst.");
            RuleFor(x => x.DevelopmentPointId)
                .Must((_, id, context) => id is null || Of(context).Points.Any(p => p.Id == id))
                .WithMessage("Kies een ontwikkelpunt van de school uit de lijst.");
        }

        private static Choices Of(ValidationContext<Input> context) =>
            context.RootContextData.TryGetValue(ChoicesKey, out var value) && value is Choices choices
                ? choices
                : throw new InvalidOperationException("Validate a request with AskSupport.ValidateAsync.");
    }

    public static Task<ValidationResult> ValidateAsync(this IValidator<Input> validator, Input input, Choices choices, CancellationToken cancellationToken)
    {
        var context = new ValidationContext<Input>(input);
        context.RootContextData[ChoicesKey] = choices;
        return validator.ValidateAsync(context, cancellationToken);
    }

    public sealed class Handler(AppDbContext db, FrameworkStore frameworks, Features.Scans.ScanContextLoader scans, AuditLog auditLog, Notifier notifier, TimeProvider time)
    {
        public async Task<Choices> ChoicesAsync(int schoolId, CancellationToken cancellationToken)
        {
            var yearName = await scans.DefaultYearAsync(cancellationToken);
            var year = yearName is null ? null : await frameworks.ForYearAsync(yearName, cancellationToken);
            var yearId = year?.Year.Id ?? -1;
            var points = await db.DevelopmentPoints.AsNoTracking()
                .Where(p => p.SchoolId == schoolId && p.SchoolYearId == yearId)
                .OrderBy(p => p.Title)
                .Select(p => new { p.Id, p.Title, p.DomainKey, p.AspectKey })
                .ToListAsync(cancellationToken);
            return new Choices(year, points.Select(p => (p.Id, p.Title, p.DomainKey, p.AspectKey)).ToList());
        }

        public async Task<Result> CreateAsync(SchoolAccess school, UserScope user, Input input, Choices choices, CancellationToken cancellationToken)
        {
            var point = choices.Points.FirstOrDefault(p => p.Id == input.DevelopmentPointId);
            var recipients = await notifier.ContactPersonAsync(school.SchoolId, cancellationToken);
            var request = await db.InTransactionAsync(async ct =>
            {
                var request = new SupportRequest
                {
                    SchoolId = school.SchoolId,
                    Kind = input.Kind!.Value,
                    Subject = input.Subject!.Trim(),
                    Description = DevelopmentPointForm.CleanText(input.Description)!,
                    // A development point names its own domain and aspect.
                    DomainKey = point.Id != 0 ? point.DomainKey : Blank(input.DomainKey),
                    AspectKey = point.Id != 0 ? point.AspectKey : Blank(input.AspectKey),
                    DevelopmentPointId = point.Id != 0 ? point.Id : null,
                    OfferingItemKey = Blank(input.OfferingItemKey),
                    Status = SupportRequestStatus.New,
                    AskedByName = user.DisplayName,
                    AskedAt = time.GetUtcNow(),
                    Version = 1,
                };
                db.SupportRequests.Add(request);
                auditLog.Add(AuditActions.SupportRequest, $"Vraag aan Team BO van {school.School!.Name}: '{request.Subject}' ({request.Kind.ToDutch().ToLowerInvariant()}).", subject: school.LocationCode);
                await db.SaveChangesAsync(ct);
                await notifier.QueueAsync(recipients, new NotificationMessage(
                    $"Nieuwe vraag van {school.School.Name}",
                    $"{school.School.Name} ({school.LocationCode}) heeft een vraag gesteld aan Team Basisondersteuning: {request.Kind.ToDutch().ToLowerInvariant()}.",
                    $"/school/{school.LocationCode}/vragen/{request.Id}", school.SchoolId), ct);
                await db.SaveChangesAsync(ct);
                return request;
            }, cancellationToken);
            await notifier.DeliverAsync(cancellationToken);
            return Result.Ok(request.Id, request.Version);
        }

        private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }
}

using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Zout.Basisondersteuning.Web.Data;
using Zout.Basisondersteuning.Web.Domain.Accounts;
using Zout.Basisondersteuning.Web.Domain.Administration;
using Zout.Basisondersteuning.Web.Infrastructure.Auditing;
using Zout.Basisondersteuning.Web.Infrastructure.Notifications;
using Zout.Basisondersteuning.Web.Infrastructure.Results;

namespace Zout.Basisondersteuning.Web.Features.Consultants;

/// <summary>The admin hands schools over from one consultant to another: the new contact person hears of it.</summary>
public static class HandOverSchools
{
    public sealed class Input
    {
        public string? From { get; set; }
        public string? To { get; set; }
        public List<string> Schools { get; set; } = [];
    }

    public sealed class Validator : AbstractValidator<Input>
    {
        public Validator()
        {
            RuleFor(x => x.Schools).Must(s => s.Count > 0).WithMessage("Kies de scholen die u wilt overdragen.");
            RuleFor(x => x.To).NotEmpty().WithMessage("Kies de consulent die de nieuwe contactpersoon wordt.");
        }
    }

    public sealed class Handler(AppDbContext db, AuditLog auditLog, Notifier notifier)
    {
        public async Task<Result> HandleAsync(Input input, CancellationToken cancellationToken)
        {
            var to = await db.Users.AsNoTracking().Where(u => u.Id == input.To && u.Role == UserRole.Consultant && u.IsActive)
                .Select(u => new { u.Id, u.DisplayName }).SingleOrDefaultAsync(cancellationToken);
            if (to is null) return Result.Invalid(nameof(Input.To), "Kies een actieve consulent.");
            var codes = input.Schools.Select(Domain.School.NormalizeLocationCode).ToHashSet();
            var schools = await db.Schools.Where(s => codes.Contains(s.LocationCode) && s.ContactPersonId == input.From).ToListAsync(cancellationToken);
            if (schools.Count != codes.Count) return Result.Conflict("Een of meer scholen hebben intussen een andere contactpersoon. Bekijk de lijst opnieuw.");
            foreach (var school in schools) school.ContactPersonId = to.Id;
            auditLog.Add(AuditActions.ContactPerson, $"{to.DisplayName} is contactpersoon geworden van {string.Join(", ", schools.Select(s => $"{s.Name} ({s.LocationCode})"))}.",
                subject: to.DisplayName);
            await notifier.QueueAsync([to.Id], new NotificationMessage(
                schools.Count == 1 ? $"U bent contactpersoon van {schools[0].Name}" : $"U bent contactpersoon van {schools.Count} scholen erbij",
                $"De beheerder heeft u contactpersoon gemaakt van {string.Join(", ", schools.Select(s => s.Name))}.",
                "/consulent", null), cancellationToken);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                db.ChangeTracker.Clear();
                return Result.Conflict("Een of meer scholen zijn intussen gewijzigd. Bekijk de lijst opnieuw.");
            }

            await notifier.DeliverAsync(cancellationToken);
            return Result.Ok(schools.Count);
        }
    }
}

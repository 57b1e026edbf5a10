using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Zout.Basisondersteuning.Web.Data;
using Zout.Basisondersteuning.Web.Domain.Administration;
using Zout.Basisondersteuning.Web.Domain.Notifications;
using Zout.Basisondersteuning.Web.Domain.Scans;
using Zout.Basisondersteuning.Web.Infrastructure.Auditing;
using Zout.Basisondersteuning.Web.Infrastructure.Results;

namespace Zout.Basisondersteuning.Web.Features.Account;

/// <summary>Each user chooses how they hear of events: a mail per event, or one daily digest (Infrastructure/Notifications).</summary>
public static class NotificationSettings
{
    public sealed class Input
    {
        public NotificationMode? Mode { get; set; }
    }

    public sealed class Validator : AbstractValidator<Input>
    {
        public Validator()
        {
            RuleFor(x => x.Mode).Cascade(CascadeMode.Stop).NotNull().WithMessage("Kies hoe u berichten wilt ontvangen.")
                .IsInEnum().WithMessage("Kies hoe u berichten wilt ontvangen.");
        }
    }

    public sealed record Model(Input Input, int Pending, int DigestHour);

    public sealed class Handler(AppDbContext db, AuditLog auditLog, IConfiguration configuration)
    {
        public async Task<Model?> PageAsync(string userId, Input? input, CancellationToken cancellationToken)
        {
            var mode = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => (NotificationMode?)u.NotificationMode).SingleOrDefaultAsync(cancellationToken);
            if (mode is null) return null;
            var pending = await db.Notifications.CountAsync(n => n.UserId == userId && n.Status == NotificationStatus.Pending, cancellationToken);
            return new Model(input ?? new Input { Mode = mode }, pending, configuration.GetValue("Notifications:DigestHour", 7));
        }

        public async Task<Result> SaveAsync(string userId, Input input, CancellationToken cancellationToken)
        {
            var user = await db.Users.SingleOrDefaultAsync(u => u.Id == userId, cancellationToken);
            if (user is null) return Result.NotFound();
            user.NotificationMode = input.Mode!.Value;
            auditLog.Add(AuditActions.NotificationSettings, $"{user.Email} kiest voor berichten: {input.Mode.Value.ToDutch().ToLowerInvariant()}.", subject: user.Email);
            await db.SaveChangesAsync(cancellationToken);
            return Result.Ok();
        }
    }
}

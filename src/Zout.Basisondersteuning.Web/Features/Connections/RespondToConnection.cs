using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Zout.Basisondersteuning.Web.Data;
using Zout.Basisondersteuning.Web.Domain.Administration;
using Zout.Basisondersteuning.Web.Domain.Team;
using Zout.Basisondersteuning.Web.Features.DevelopmentPoints;
using Zout.Basisondersteuning.Web.Infrastructure.Auditing;
using Zout.Basisondersteuning.Web.Infrastructure.Authorization;
using Zout.Basisondersteuning.Web.Infrastructure.Notifications;
using Zout.Basisondersteuning.Web.Infrastructure.Results;
using Zout.Basisondersteuning.Web.Infrastructure.Validation;

namespace Zout.Basisondersteuning.Web.Features.Connections;

/// <summary>
/// A user of the school that was asked accepts (with the contact details the school agrees to share) or declines. The
/// requesting school and the consultant who proposed it hear of it; once accepted, both schools' pages show it.
/// </summary>
public static class RespondToConnection
{
    public const string Accept = "accepteren";
    public const string Decline = "afwijzen";

    public sealed class Input
    {
        public string? Choice { get; set; }
        public string? OfferingContact { get; set; }
        public int Version { get; set; }
    }

    public sealed class Validator : AbstractValidator<Input>
    {
        public Validator(TimeProvider time)
        {
            RuleFor(x => x.Choice).Must(a => a is Accept or Decline).WithMessage("Kies of u het voorstel accepteert of afwijst.");
            RuleFor(x => x.OfferingContact).Cascade(CascadeMode.Stop)
                .Must((x, c) => x.Choice != Accept || !string.IsNullOrWhiteSpace(c))
                .WithMessage("Vul in welke contactgegevens u deelt met de andere school, bijvoorbeeld uw naam en e-mailadres.")
                .Must(c => (DevelopmentPointForm.CleanText(c)?.Length ?? 0) <= SchoolConnection.ContactMaxLength)
                .WithMessage($"Dit veld mag hoogstens {SchoolConnection.ContactMaxLength} tekens lang zijn.")
                .NoPupilData(time);
        }
    }

    public sealed class Handler(AppDbContext db, AuditLog auditLog, Notifier notifier, TimeProvider time)
    {
        public async Task<Result> HandleAsync(SchoolAccess school, UserScope user, int id, Input input, CancellationToken cancellationToken)
        {
            var connection = await db.SchoolConnections.Include(c => c.RequestingSchool).Include(c => c.OfferingSchool)
                .SingleOrDefaultAsync(c => c.Id == id && c.OfferingSchoolId == school.SchoolId, cancellationToken);
            if (connection is null) return Result.NotFound();
            if (connection.Status != ConnectionStatus.Proposed) return Result.Refused("Op dit voorstel is al geantwoord.");

            db.Entry(connection).Property(c => c.Version).OriginalValue = input.Version;
            connection.Version = input.Version + 1;
            var accepted = input.Choice == Accept;
            connection.Status = accepted ? ConnectionStatus.Accepted : ConnectionStatus.Declined;
            connection.OfferingContact = accepted ? DevelopmentPointForm.CleanText(input.OfferingContact) : null;
            connection.RespondedByName = user.DisplayName;
            connection.RespondedAt = time.GetUtcNow();
            auditLog.Add(AuditActions.Connection,
                $"Verbinding tussen {connection.RequestingSchool.Name} en {connection.OfferingSchool.Name} {(accepted ? "geaccepteerd" : "afgewezen")} door {user.DisplayName}.",
                subject: school.LocationCode);
            var recipients = await notifier.SchoolUsersAsync(connection.RequestingSchoolId, cancellationToken);
            recipients.AddRange(await notifier.ContactPersonAsync(connection.RequestingSchoolId, cancellationToken));
            await notifier.QueueAsync(recipients, new NotificationMessage(
                accepted ? $"Leren van elkaar: {connection.OfferingSchool.Name} doet mee" : $"Leren van elkaar: {connection.OfferingSchool.Name} kan nu niet",
                accepted
                    ? $"{connection.OfferingSchool.Name} heeft de verbinding met {connection.RequestingSchool.Name} over '{connection.Topic}' geaccepteerd. De contactgegevens staan in de portal."
                    : $"{connection.OfferingSchool.Name} heeft de verbinding met {connection.RequestingSchool.Name} over '{connection.Topic}' afgewezen. Team Basisondersteuning zoekt verder.",
                $"/school/{connection.RequestingSchool.LocationCode}/verbindingen/{id}", connection.RequestingSchoolId), cancellationToken);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                db.ChangeTracker.Clear();
                return Result.Conflict("Een collega heeft intussen op dit voorstel geantwoord.");
            }

            await notifier.DeliverAsync(cancellationToken);
            return Result.Ok(id, connection.Version);
        }
    }
}

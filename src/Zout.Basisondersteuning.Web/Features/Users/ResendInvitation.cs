using Microsoft.EntityFrameworkCore;
using Zout.Basisondersteuning.Web.Data;
using Zout.Basisondersteuning.Web.Domain.Administration;
using Zout.Basisondersteuning.Web.Infrastructure.Auditing;
using Zout.Basisondersteuning.Web.Infrastructure.Results;

namespace Zout.Basisondersteuning.Web.Features.Users;

/// <summary>Sends a new invitation link to a user who has not set a password yet.</summary>
public static class ResendInvitation
{
    public sealed class Handler(AppDbContext db, InvitationMail invitationMail, AuditLog auditLog)
    {
        /// <summary>NotFound for an unknown user; Refused when they have a password already or are not active.</summary>
        public async Task<Result> HandleAsync(string id, CancellationToken cancellationToken)
        {
            var user = await db.Users.SingleOrDefaultAsync(u => u.Id == id, cancellationToken);
            if (user is null) return Result.NotFound();
            if (user.PasswordHash is not null || !user.IsActive) return Result.Refused("Deze gebruiker heeft al een wachtwoord of is niet actief; er is geen uitnodiging gestuurd.");
            auditLog.Add(AuditActions.UserInvited, $"Nieuwe uitnodiging gestuurd aan {user.Email}.", subject: user.Email);
            await invitationMail.SendAsync(user, cancellationToken);
            return Result.Ok();
        }
    }
}

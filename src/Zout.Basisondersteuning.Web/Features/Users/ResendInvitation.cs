using Zout.Basisondersteuning.Web.Infrastructure.Auditing;
using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Zout.Basisondersteuning.Web.Data;
using Zout.Basisondersteuning.Web.Domain.Accounts;
using Zout.Basisondersteuning.Web.Domain.Administration;

namespace Zout.Basisondersteuning.Web.Features.Users;

/// <summary>Sends a new invitation link to a user who has not set a password yet.</summary>
public static class ResendInvitation
{
    public sealed class Handler(AppDbContext db, InvitationMail invitationMail, AuditLog auditLog)
    {
        public async Task<bool> HandleAsync(string id, string baseUrl, CancellationToken cancellationToken)
        {
            var user = await db.Users.SingleAsync(u => u.Id == id, cancellationToken);
            if (user.PasswordHash is not null || !user.IsActive) return false;
            auditLog.Add(AuditActions.UserInvited, $"Nieuwe uitnodiging gestuurd aan {user.Email}.", subject: user.Email);
            await invitationMail.SendAsync(user, baseUrl, cancellationToken);
            return true;
        }
    }
}

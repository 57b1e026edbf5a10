using System.Text;
using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Zout.Basisondersteuning.Web.Data;
using Zout.Basisondersteuning.Web.Domain.Accounts;
using Zout.Basisondersteuning.Web.Domain.Administration;
using Zout.Basisondersteuning.Web.Infrastructure;
using Zout.Basisondersteuning.Web.Infrastructure.Auditing;
using Zout.Basisondersteuning.Web.Infrastructure.Email;
using Zout.Basisondersteuning.Web.Infrastructure.Results;

namespace Zout.Basisondersteuning.Web.Features.Users;

/// <summary>Invites a new user by email: the account is made without a password; the link lets the person set one.</summary>
public static class InviteUser
{
    public sealed class Input : UserScopeInput
    {
        public string? Email { get; set; }
    }

    public sealed record Model(Input Input, UserFormChoices Choices);

    public sealed class Validator : AbstractValidator<Input>
    {
        public Validator()
        {
            RuleFor(x => x.Email).NotEmpty().WithMessage("Vul het e-mailadres in.")
                .EmailAddress().WithMessage("Vul een geldig e-mailadres in, zoals naam@school.nl.");
            UserForm.AddScopeRules(this);
        }
    }

    public sealed class Handler(AppDbContext db, UserManager<AppUser> userManager, InvitationMail invitationMail, TimeProvider time, AuditLog auditLog)
    {
        /// <summary>Invalid for an e-mail address that already has an account, a board or school that does not exist, or Identity's rules.</summary>
        public async Task<Result> HandleAsync(Input input, CancellationToken cancellationToken)
        {
            var email = input.Email!.Trim();
            if (await userManager.FindByEmailAsync(email) is not null) return Result.Invalid(nameof(Input.Email), "Er is al een account met dit e-mailadres.");

            var user = new AppUser { Email = email, UserName = email, EmailConfirmed = false, CreatedAt = time.GetUtcNow() };
            var scope = await UserForm.ApplyAsync(db, user, input, cancellationToken);
            if (!scope.Succeeded) return scope;

            // One transaction (run by the execution strategy, as SQL Server's retrying strategy requires):
            // the account, its audit entry and the invitation stamp, or nothing.
            return await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
            {
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                var result = await userManager.CreateAsync(user);
                if (!result.Succeeded) return Result.Invalid(result.Errors.Select(e => new FieldError(nameof(Input.Email), e.Description)));
                auditLog.Add(AuditActions.UserInvited, $"{email} uitgenodigd als {user.Role.ToDutch()}.", subject: email);
                await invitationMail.SendAsync(user, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return Result.Ok();
            });
        }
    }
}

/// <summary>Makes a fresh invitation token, records when it was sent and mails the link.</summary>
public sealed class InvitationMail(AppDbContext db, UserManager<AppUser> userManager, IEmailSender emailSender, TimeProvider time, PublicUrls urls)
{
    public async Task SendAsync(AppUser user, CancellationToken cancellationToken)
    {
        user.InvitationSentAt = time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        var token = await userManager.GenerateUserTokenAsync(user, InvitationTokenProvider.ProviderName, InvitationTokenProvider.Purpose);
        var code = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));
        var link = urls.Link($"/account/uitnodiging?id={Uri.EscapeDataString(user.Id)}&code={code}");
        var text = $"""
            Beste {user.DisplayName},

            U bent uitgenodigd voor de portal Basisondersteuning van het samenwerkingsverband, als {user.Role.ToDutch().ToLowerInvariant()}.
            Kies uw wachtwoord via deze link (7 dagen geldig):

            {link}

            Werkt de link niet meer? Vraag de beheerder van het samenwerkingsverband dan om een nieuwe uitnodiging.
            """;
        await emailSender.SendAsync(new EmailMessage(user.Email!, "Uitnodiging voor de portal Basisondersteuning", text), cancellationToken);
    }
}

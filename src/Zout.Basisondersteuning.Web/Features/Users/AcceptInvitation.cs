using System.Text;
using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Zout.Basisondersteuning.Web.Domain.Accounts;
using Zout.Basisondersteuning.Web.Infrastructure.Auditing;
using Zout.Basisondersteuning.Web.Infrastructure.Results;

namespace Zout.Basisondersteuning.Web.Features.Users;

/// <summary>The invited person sets a password with the link from the mail. The link works once and expires.</summary>
public static class AcceptInvitation
{
    public const string InvalidMessage = "Deze uitnodiging is ongeldig of verlopen. Vraag de beheerder van het samenwerkingsverband om een nieuwe uitnodiging.";

    public sealed class Input
    {
        public string? Id { get; set; }
        public string? Code { get; set; }
        public string? Password { get; set; }
        public string? ConfirmPassword { get; set; }
    }

    public sealed class Validator : AbstractValidator<Input>
    {
        public Validator()
        {
            RuleFor(x => x.Password).NotEmpty().WithMessage("Kies een wachtwoord.")
                .MinimumLength(10).WithMessage("Kies een wachtwoord van minstens 10 tekens.");
            RuleFor(x => x.ConfirmPassword).Equal(x => x.Password).WithMessage("De twee wachtwoorden zijn niet gelijk.");
        }
    }

    public sealed class Handler(UserManager<AppUser> userManager, TimeProvider time, AuditLog auditLog)
    {
        /// <summary>The user the link is for, when it is still valid.</summary>
        public async Task<AppUser?> ValidUserAsync(string? id, string? code)
        {
            if (string.IsNullOrEmpty(id) || string.IsNullOrEmpty(code)) return null;
            var user = await userManager.FindByIdAsync(id);
            if (user is not { IsActive: true, PasswordHash: null, InvitationSentAt: { } sent }) return null;
            if (time.GetUtcNow() - sent > InvitationTokenProvider.Lifespan) return null;
            string token;
            try
            {
                token = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code));
            }
            catch (FormatException)
            {
                return null;
            }

            return await userManager.VerifyUserTokenAsync(user, InvitationTokenProvider.ProviderName, InvitationTokenProvider.Purpose, token) ? user : null;
        }

        /// <summary>NotFound when the link no longer works (used, expired, or the account deactivated); Invalid for a password Identity refuses.</summary>
        public async Task<Result> HandleAsync(Input input)
        {
            var user = await ValidUserAsync(input.Id, input.Code);
            if (user is null) return Result.NotFound(InvalidMessage);
            var result = await userManager.AddPasswordAsync(user, input.Password!);
            if (!result.Succeeded) return Result.Invalid(result.Errors.Select(e => new FieldError(nameof(Input.Password), e.Description)));
            user.InvitationSentAt = null;
            user.EmailConfirmed = true;
            auditLog.Add(Domain.Administration.AuditActions.UserChanged, $"{user.Email} heeft de uitnodiging aangenomen en een wachtwoord gekozen.", subject: user.Email,
                userId: user.Id, actor: user.Email);
            await userManager.UpdateAsync(user);
            return Result.Ok();
        }
    }
}

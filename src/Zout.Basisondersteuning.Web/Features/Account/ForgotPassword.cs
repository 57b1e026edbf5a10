using System.Text;
using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Zout.Basisondersteuning.Web.Domain.Accounts;
using Zout.Basisondersteuning.Web.Infrastructure;
using Zout.Basisondersteuning.Web.Infrastructure.Email;
using Zout.Basisondersteuning.Web.Infrastructure.Results;

namespace Zout.Basisondersteuning.Web.Features.Account;

public static class ForgotPassword
{
    public sealed class Input
    {
        public string? Email { get; set; }
    }

    public sealed class Validator : AbstractValidator<Input>
    {
        public Validator()
        {
            RuleFor(x => x.Email).NotEmpty().WithMessage("Vul uw e-mailadres in.")
                .EmailAddress().WithMessage("Vul een geldig e-mailadres in, zoals naam@school.nl.");
        }
    }

    /// <summary>Mails a reset link to an active account. Says nothing about whether the account exists: it always succeeds.</summary>
    public sealed class Handler(UserManager<AppUser> userManager, IEmailSender emailSender, PublicUrls urls, ILogger<Handler> logger)
    {
        public async Task<Result> HandleAsync(Input input, CancellationToken cancellationToken)
        {
            var user = await userManager.FindByEmailAsync(input.Email!.Trim());
            if (user is null || !user.IsActive)
            {
                logger.LogInformation("Password reset asked for an unknown or inactive account");
                return Result.Ok();
            }

            var token = await userManager.GeneratePasswordResetTokenAsync(user);
            var code = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));
            var link = urls.Link($"/account/wachtwoord-herstellen?email={Uri.EscapeDataString(user.Email!)}&code={code}");
            var text = $"""
                Beste {user.DisplayName},

                U heeft gevraagd om een nieuw wachtwoord voor de portal Basisondersteuning.
                Stel een nieuw wachtwoord in via deze link (een dag geldig):

                {link}

                Heeft u dit niet gevraagd? Dan kunt u deze e-mail negeren; uw wachtwoord blijft dan hetzelfde.
                """;
            await emailSender.SendAsync(new EmailMessage(user.Email!, "Nieuw wachtwoord instellen", text), cancellationToken);
            return Result.Ok();
        }
    }
}

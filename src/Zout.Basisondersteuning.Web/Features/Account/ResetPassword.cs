using System.Text;
using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Zout.Basisondersteuning.Web.Domain.Accounts;
using Zout.Basisondersteuning.Web.Infrastructure.Results;

namespace Zout.Basisondersteuning.Web.Features.Account;

public static class ResetPassword
{
    public sealed class Input
    {
        public string? Email { get; set; }
        public string? Code { get; set; }
        public string? Password { get; set; }
        public string? ConfirmPassword { get; set; }
    }

    public sealed class Validator : AbstractValidator<Input>
    {
        public Validator()
        {
            RuleFor(x => x.Email).NotEmpty().WithMessage("Vul uw e-mailadres in.")
                .EmailAddress().WithMessage("Vul een geldig e-mailadres in, zoals naam@school.nl.");
            RuleFor(x => x.Code).NotEmpty().WithMessage("De link is niet compleet. Open de link uit de e-mail opnieuw.");
            RuleFor(x => x.Password).NotEmpty().WithMessage("Vul een nieuw wachtwoord in.");
            RuleFor(x => x.ConfirmPassword).Equal(x => x.Password).WithMessage("De twee wachtwoorden zijn niet gelijk.");
        }
    }

    public const string InvalidLinkMessage = "Deze link is ongeldig of verlopen. Vraag via 'Wachtwoord vergeten' een nieuwe aan.";

    public sealed class Handler(UserManager<AppUser> userManager, ILogger<Handler> logger)
    {
        /// <summary>
        /// Invalid with the messages per field: a link that does not work (unknown or inactive account included, so the form does not tell
        /// which accounts exist) at the code, Identity's password rules at the password.
        /// </summary>
        public async Task<Result> HandleAsync(Input input)
        {
            var user = await userManager.FindByEmailAsync(input.Email!.Trim());
            string token;
            try
            {
                token = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(input.Code!));
            }
            catch (FormatException)
            {
                return Result.Invalid(nameof(Input.Code), InvalidLinkMessage);
            }

            if (user is null || !user.IsActive) return Result.Invalid(nameof(Input.Code), InvalidLinkMessage);

            var result = await userManager.ResetPasswordAsync(user, token, input.Password!);
            if (!result.Succeeded)
            {
                return Result.Invalid(result.Errors.Select(e => e.Code == nameof(IdentityErrorDescriber.InvalidToken)
                    ? new FieldError(nameof(Input.Code), InvalidLinkMessage)
                    : new FieldError(nameof(Input.Password), e.Description)));
            }

            // A successful reset also lifts a lockout: the person proved they own the mailbox.
            await userManager.SetLockoutEndDateAsync(user, null);
            await userManager.ResetAccessFailedCountAsync(user);
            logger.LogInformation("User {UserId} reset their password", user.Id);
            return Result.Ok();
        }
    }
}

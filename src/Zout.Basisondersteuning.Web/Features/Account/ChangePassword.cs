using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Zout.Basisondersteuning.Web.Domain.Accounts;
using Zout.Basisondersteuning.Web.Infrastructure.Results;

namespace Zout.Basisondersteuning.Web.Features.Account;

public static class ChangePassword
{
    public sealed class Input
    {
        public string? CurrentPassword { get; set; }
        public string? NewPassword { get; set; }
        public string? ConfirmPassword { get; set; }
    }

    public sealed class Validator : AbstractValidator<Input>
    {
        public Validator()
        {
            RuleFor(x => x.CurrentPassword).NotEmpty().WithMessage("Vul uw huidige wachtwoord in.");
            RuleFor(x => x.NewPassword).NotEmpty().WithMessage("Vul een nieuw wachtwoord in.");
            RuleFor(x => x.ConfirmPassword).Equal(x => x.NewPassword).WithMessage("De twee wachtwoorden zijn niet gelijk.");
        }
    }

    public sealed class Handler(UserManager<AppUser> userManager, SignInManager<AppUser> signInManager, ILogger<Handler> logger)
    {
        /// <summary>Invalid with Identity's messages per field; NotFound when the signed-in account no longer exists.</summary>
        public async Task<Result> HandleAsync(System.Security.Claims.ClaimsPrincipal principal, Input input)
        {
            var user = await userManager.GetUserAsync(principal);
            if (user is null) return Result.NotFound("Uw sessie is verlopen. Log opnieuw in.");

            var result = await userManager.ChangePasswordAsync(user, input.CurrentPassword!, input.NewPassword!);
            if (!result.Succeeded)
            {
                return Result.Invalid(result.Errors.Select(e =>
                    new FieldError(e.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? nameof(Input.CurrentPassword) : nameof(Input.NewPassword), e.Description)));
            }

            await signInManager.RefreshSignInAsync(user);
            logger.LogInformation("User {UserId} changed their password", user.Id);
            return Result.Ok();
        }
    }
}

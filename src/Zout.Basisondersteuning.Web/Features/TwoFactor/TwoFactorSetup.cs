using System.Globalization;
using System.Text;
using FluentValidation;
using Microsoft.AspNetCore.Identity;
using QRCoder;
using Zout.Basisondersteuning.Web.Domain.Accounts;
using Zout.Basisondersteuning.Web.Domain.Administration;
using Zout.Basisondersteuning.Web.Infrastructure.Auditing;
using Zout.Basisondersteuning.Web.Infrastructure.Results;

namespace Zout.Basisondersteuning.Web.Features.TwoFactor;

/// <summary>Setting up two-factor authentication with an authenticator app (TOTP), with Identity's built-in authenticator provider.</summary>
public static class TwoFactorSetup
{
    public sealed class Input
    {
        public string? Code { get; set; }
    }

    /// <summary>New recovery codes: they let anybody past the second step, so they cost the password.</summary>
    public sealed class RecoveryInput
    {
        public string? Password { get; set; }
    }

    public sealed record Model(bool IsEnabled, bool IsRequired, string SharedKey, string QrCodeDataUri, Input Input, RecoveryInput Recovery);

    public sealed class RecoveryValidator : AbstractValidator<RecoveryInput>
    {
        public RecoveryValidator() => RuleFor(x => x.Password).NotEmpty().WithMessage("Vul uw wachtwoord in.");
    }

    public sealed class Validator : AbstractValidator<Input>
    {
        public Validator() =>
            RuleFor(x => x.Code).NotEmpty().WithMessage("Vul de code van 6 cijfers uit de app in.")
                .Must(c => Normalize(c).Length == 6 && Normalize(c).All(char.IsAsciiDigit)).WithMessage("De code bestaat uit 6 cijfers, zoals 123456.");
    }

    public static string Normalize(string? code) => (code ?? "").Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);

    public sealed class Handler(UserManager<AppUser> userManager, SignInManager<AppUser> signInManager, IUserStore<AppUser> userStore, AuditLog auditLog, IConfiguration configuration)
    {
        public async Task<Model> GetAsync(AppUser user, Input input, RecoveryInput? recovery = null)
        {
            var key = await userManager.GetAuthenticatorKeyAsync(user);
            if (string.IsNullOrEmpty(key))
            {
                // A first key, not yet confirmed with a code: nothing about signing in changes, so the security stamp
                // stays (Identity's ResetAuthenticatorKeyAsync would raise it and end every session of this user
                // at its next check, this one included, just for opening this page).
                await ((IUserAuthenticatorKeyStore<AppUser>)userStore).SetAuthenticatorKeyAsync(user, userManager.GenerateNewAuthenticatorKey(), CancellationToken.None);
                await userManager.UpdateAsync(user);
                key = await userManager.GetAuthenticatorKeyAsync(user);
            }

            var issuer = "Basisondersteuning";
            var uri = $"otpauth://totp/{Uri.EscapeDataString(issuer)}:{Uri.EscapeDataString(user.Email!)}?secret={key}&issuer={Uri.EscapeDataString(issuer)}&digits=6";
            using var generator = new QRCodeGenerator();
            using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.Q);
            var png = new PngByteQRCode(data).GetGraphic(5);
            return new Model(user.TwoFactorEnabled, TwoFactorPolicy.IsRequired(user.Role, configuration), FormatKey(key!), $"data:image/png;base64,{Convert.ToBase64String(png)}", input,
                recovery ?? new RecoveryInput());
        }

        /// <summary>Checks the code from the app; on success turns two-factor on and returns fresh recovery codes. Invalid for a wrong code.</summary>
        public async Task<Result<IReadOnlyList<string>>> EnableAsync(AppUser user, Input input)
        {
            var valid = await userManager.VerifyTwoFactorTokenAsync(user, userManager.Options.Tokens.AuthenticatorTokenProvider, Normalize(input.Code));
            if (!valid) return Result.Invalid(nameof(Input.Code), "Deze code klopt niet. Vul de code in die de app nu laat zien.").As<IReadOnlyList<string>>();
            await userManager.SetTwoFactorEnabledAsync(user, true);
            var codes = (await userManager.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))?.ToList() ?? [];
            await auditLog.WriteAsync(AuditActions.TwoFactorEnabled, $"{user.Email} heeft tweestapsverificatie ingesteld.", subject: user.Email);
            // The security stamp changed: renew the cookie so this session stays valid.
            await signInManager.RefreshSignInAsync(user);
            return Result.Ok().With<IReadOnlyList<string>>(codes);
        }

        /// <summary>
        /// Replaces the recovery codes with fresh ones, after the password: someone at an unlocked, signed-in screen must not
        /// walk away with codes that pass the second step. Refused while two-factor is not set up; Invalid for a wrong password
        /// (which counts as a failed log-in for the lockout).
        /// </summary>
        public async Task<Result<IReadOnlyList<string>>> NewRecoveryCodesAsync(AppUser user, RecoveryInput input)
        {
            if (!user.TwoFactorEnabled) return Result.Refused("Stel eerst tweestapsverificatie in.").As<IReadOnlyList<string>>();
            var check = await signInManager.CheckPasswordSignInAsync(user, input.Password ?? "", lockoutOnFailure: true);
            if (!check.Succeeded)
            {
                var message = check.IsLockedOut
                    ? "Uw account is tijdelijk geblokkeerd na te veel mislukte pogingen. Probeer het over een kwartier opnieuw."
                    : "Dit wachtwoord klopt niet.";
                return Result.Invalid(nameof(RecoveryInput.Password), message).As<IReadOnlyList<string>>();
            }

            var codes = (await userManager.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))?.ToList() ?? [];
            await auditLog.WriteAsync(AuditActions.TwoFactorEnabled, $"{user.Email} heeft nieuwe herstelcodes gemaakt.", subject: user.Email);
            return Result.Ok().With<IReadOnlyList<string>>(codes);
        }

        private static string FormatKey(string key)
        {
            var result = new StringBuilder();
            for (var i = 0; i < key.Length; i += 4) result.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
            return result.ToString().Trim().ToLower(CultureInfo.InvariantCulture);
        }
    }
}

/// <summary>Who must use two-factor authentication: partnership staff, unless switched off in configuration.</summary>
public static class TwoFactorPolicy
{
    public const string SettingKey = "Security:RequireTwoFactorForStaff";

    public static bool IsRequired(UserRole role, IConfiguration configuration) =>
        role.IsPartnershipStaff() && configuration.GetValue(SettingKey, defaultValue: true);
}

using Microsoft.AspNetCore.Identity;

namespace Zout.Basisondersteuning.Web.Infrastructure.Identity;

/// <summary>Identity's messages in Dutch.</summary>
public sealed class DutchIdentityErrorDescriber : IdentityErrorDescriber
{
    public override IdentityError DefaultError() => Error(nameof(DefaultError), "Er is iets misgegaan. Probeer het opnieuw.");
    public override IdentityError ConcurrencyFailure() => Error(nameof(ConcurrencyFailure), "Iemand anders heeft dit account net gewijzigd. Probeer het opnieuw.");
    public override IdentityError PasswordMismatch() => Error(nameof(PasswordMismatch), "Het wachtwoord klopt niet.");
    public override IdentityError InvalidToken() => Error(nameof(InvalidToken), "Deze link is ongeldig of verlopen. Vraag een nieuwe aan.");
    public override IdentityError LoginAlreadyAssociated() => Error(nameof(LoginAlreadyAssociated), "Er is al een account met deze login.");
    public override IdentityError InvalidUserName(string? userName) => Error(nameof(InvalidUserName), $"De gebruikersnaam '{userName}' is ongeldig.");
    public override IdentityError InvalidEmail(string? email) => Error(nameof(InvalidEmail), $"Het e-mailadres '{email}' is ongeldig.");
    public override IdentityError DuplicateUserName(string userName) => Error(nameof(DuplicateUserName), $"Er is al een account met '{userName}'.");
    public override IdentityError DuplicateEmail(string email) => Error(nameof(DuplicateEmail), $"Er is al een account met het e-mailadres '{email}'.");
    public override IdentityError InvalidRoleName(string? role) => Error(nameof(InvalidRoleName), $"De rol '{role}' is ongeldig.");
    public override IdentityError DuplicateRoleName(string role) => Error(nameof(DuplicateRoleName), $"De rol '{role}' bestaat al.");
    public override IdentityError UserAlreadyHasPassword() => Error(nameof(UserAlreadyHasPassword), "Dit account heeft al een wachtwoord.");
    public override IdentityError UserLockoutNotEnabled() => Error(nameof(UserLockoutNotEnabled), "Blokkeren is voor dit account niet ingeschakeld.");
    public override IdentityError UserAlreadyInRole(string role) => Error(nameof(UserAlreadyInRole), $"Het account heeft de rol '{role}' al.");
    public override IdentityError UserNotInRole(string role) => Error(nameof(UserNotInRole), $"Het account heeft de rol '{role}' niet.");
    public override IdentityError PasswordTooShort(int length) => Error(nameof(PasswordTooShort), $"Het wachtwoord moet minstens {length} tekens lang zijn.");
    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => Error(nameof(PasswordRequiresUniqueChars), $"Het wachtwoord moet minstens {uniqueChars} verschillende tekens bevatten.");
    public override IdentityError PasswordRequiresNonAlphanumeric() => Error(nameof(PasswordRequiresNonAlphanumeric), "Het wachtwoord moet minstens één teken bevatten dat geen letter of cijfer is.");
    public override IdentityError PasswordRequiresDigit() => Error(nameof(PasswordRequiresDigit), "Het wachtwoord moet minstens één cijfer bevatten.");
    public override IdentityError PasswordRequiresLower() => Error(nameof(PasswordRequiresLower), "Het wachtwoord moet minstens één kleine letter bevatten.");
    public override IdentityError PasswordRequiresUpper() => Error(nameof(PasswordRequiresUpper), "Het wachtwoord moet minstens één hoofdletter bevatten.");
    public override IdentityError RecoveryCodeRedemptionFailed() => Error(nameof(RecoveryCodeRedemptionFailed), "De herstelcode is ongeldig.");

    private static IdentityError Error(string code, string description) => new() { Code = code, Description = description };
}

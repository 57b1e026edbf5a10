using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Zout.Basisondersteuning.Web.Data;
using Zout.Basisondersteuning.Web.Domain;
using Zout.Basisondersteuning.Web.Domain.Accounts;
using Zout.Basisondersteuning.Web.Infrastructure.Database;

namespace Zout.Basisondersteuning.Web.Infrastructure.Commands;

/// <summary>
/// <c>create-admin --email a@b.nl [--name "Naam"] [--partnership "Naam SWV"] [--password-stdin]</c>:
/// creates the first partnership admin. The password is read from standard input or generated and
/// printed once; production start-up never creates accounts itself.
/// </summary>
public static class CreateAdminCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextReader input, TextWriter output)
    {
        var email = Option(args, "--email");
        if (string.IsNullOrWhiteSpace(email) || !email.Contains('@'))
        {
            await output.WriteLineAsync("Gebruik: create-admin --email naam@swv.nl [--name \"Naam\"] [--partnership \"Naam samenwerkingsverband\"] [--password-stdin]");
            return 2;
        }

        await services.MigrateDatabaseAsync();
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var time = scope.ServiceProvider.GetRequiredService<TimeProvider>();

        if (!await db.Partnerships.AnyAsync())
        {
            var name = Option(args, "--partnership") ?? "Samenwerkingsverband";
            db.Partnerships.Add(new Partnership { Name = name, ShortName = name.Length > Partnership.ShortNameMaxLength ? name[..Partnership.ShortNameMaxLength] : name });
            await db.SaveChangesAsync();
        }

        if (await users.FindByEmailAsync(email) is not null)
        {
            await output.WriteLineAsync($"Er is al een account met {email}.");
            return 1;
        }

        var generated = !args.Contains("--password-stdin");
        var password = generated ? GeneratePassword() : (await input.ReadLineAsync())?.Trim() ?? "";
        var user = new AppUser
        {
            Email = email,
            UserName = email,
            EmailConfirmed = true,
            DisplayName = Option(args, "--name") ?? email,
            Role = UserRole.PartnershipAdmin,
            CreatedAt = time.GetUtcNow(),
        };
        var result = await users.CreateAsync(user, password);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors) await output.WriteLineAsync(error.Description);
            return 1;
        }

        await output.WriteLineAsync($"Beheerder {email} aangemaakt.");
        if (generated)
        {
            await output.WriteLineAsync($"Wachtwoord (wordt maar één keer getoond): {password}");
        }

        return 0;
    }

    private static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }

    private static string GeneratePassword()
    {
        const string alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        return string.Create(20, 0, (span, _) =>
        {
            for (var i = 0; i < span.Length; i++) span[i] = alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)];
        });
    }
}

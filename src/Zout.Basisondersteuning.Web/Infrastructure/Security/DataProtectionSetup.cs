using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Zout.Basisondersteuning.Web.Data;
using Zout.Basisondersteuning.Web.Infrastructure.Storage;

namespace Zout.Basisondersteuning.Web.Infrastructure.Security;

/// <summary>
/// The data-protection keys (they sign the login cookie, antiforgery tokens, reset links, TempData) live in the database
/// (EF Core key store, table DataProtectionKeys), so every app instance on one database shares them: a cookie or a form
/// from instance A is valid on B. With <c>DataProtection:Certificate:Path</c> (a PFX file) the keys are encrypted with
/// that certificate at rest; <c>DataProtection:Certificate:PreviousPaths</c> keeps older certificates for reading keys
/// they encrypted.
/// </summary>
public static class DataProtectionSetup
{
    public const string ApplicationName = "Zout.Basisondersteuning";

    public static IServiceCollection AddSharedDataProtection(this IServiceCollection services, IConfiguration configuration, StoragePaths paths)
    {
        var builder = services.AddDataProtection()
            .SetApplicationName(ApplicationName)
            .PersistKeysToDbContext<AppDbContext>();

        var section = configuration.GetSection("DataProtection:Certificate");
        var path = section["Path"];
        if (string.IsNullOrWhiteSpace(path)) return services;

        var password = section["Password"];
        var certificate = Load(Path.Combine(paths.DataDirectory, path), password);
        if (!certificate.HasPrivateKey)
        {
            throw new InvalidOperationException($"DataProtection:Certificate:Path '{path}' has no private key: use a PFX (PKCS#12) file with its key.");
        }

        var previous = (section["PreviousPaths"] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => Load(Path.Combine(paths.DataDirectory, p), password));
        builder.ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate([certificate, .. previous]);
        return services;
    }

    private static X509Certificate2 Load(string path, string? password)
    {
        if (!File.Exists(path)) throw new InvalidOperationException($"The data-protection certificate '{path}' does not exist (DataProtection:Certificate).");
        return X509CertificateLoader.LoadPkcs12FromFile(path, password, X509KeyStorageFlags.EphemeralKeySet);
    }
}

using System.Security.Cryptography;

namespace Zout.Basisondersteuning.BrowserTests.Infrastructure;

/// <summary>The 6-digit code an authenticator app shows (RFC 6238: HMAC-SHA1, 30 s steps), from the key the set-up page shows.</summary>
public static class Totp
{
    public static string Code(string base32Key, DateTimeOffset at)
    {
        var key = FromBase32(base32Key);
        var counter = at.ToUnixTimeSeconds() / 30;
        Span<byte> message = stackalloc byte[8];
        for (var i = 7; i >= 0; i--, counter >>= 8) message[i] = (byte)(counter & 0xff);
#pragma warning disable CA5350 // RFC 6238 authenticator codes are HMAC-SHA1 by definition, as in ASP.NET Identity.
        var hash = HMACSHA1.HashData(key, message);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0f;
        var value = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (value % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static byte[] FromBase32(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var clean = new string(text.Where(c => !char.IsWhiteSpace(c) && c != '=').Select(char.ToUpperInvariant).ToArray());
        var bytes = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in clean)
        {
            var index = alphabet.IndexOf(c, StringComparison.Ordinal);
            if (index < 0) throw new FormatException($"Not base32: {c}");
            buffer = (buffer << 5) | index;
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                bytes.Add((byte)((buffer >> bits) & 0xff));
            }
        }

        return [.. bytes];
    }
}

using System.Globalization;
using System.Text.RegularExpressions;

namespace Zout.Basisondersteuning.Web.Domain.Privacy;

public enum PupilDataKind
{
    /// <summary>Nine digits that pass the elfproef: a burgerservicenummer.</summary>
    CitizenServiceNumber,

    /// <summary>A full date marked as a date of birth, or one a primary-school pupil could be born on.</summary>
    DateOfBirth,
}

/// <summary>What the check found, and the text it found it in.</summary>
public sealed record PupilDataFinding(PupilDataKind Kind, string Match);

/// <summary>
/// The portal holds no pupil data. This finds text that looks like it anyway: a citizen service number (BSN: nine
/// digits, separators allowed, passing the elfproef) or a date of birth (a full date after "geboren", "geb." or
/// "geboortedatum", or any full date on which a pupil of primary-school age could have been born). One rule for
/// every free text a school or consultant writes: requests, replies, conversation reports, agreements, signals.
/// </summary>
public static partial class PupilDataCheck
{
    /// <summary>The youngest and oldest age of a primary-school pupil, with a year's margin each side.</summary>
    public const int YoungestPupilAge = 3;
    public const int OldestPupilAge = 13;

    private static readonly string[] Months =
        ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"];

    [GeneratedRegex(@"(?<!\d)\d(?:[ .\-]?\d){8}(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex NineDigits();

    [GeneratedRegex(@"(?<![\d\-/.])(?<d>\d{1,2})[\-/.](?<m>\d{1,2})[\-/.](?<y>\d{4}|\d{2})(?![\d\-/])", RegexOptions.CultureInvariant)]
    private static partial Regex NumericDate();

    [GeneratedRegex(@"(?<!\d)(?<y>\d{4})-(?<m>\d{2})-(?<d>\d{2})(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"(?<!\d)(?<d>\d{1,2})\s+(?<m>jan(?:uari)?|feb(?:ruari)?|maart|mrt|apr(?:il)?|mei|jun[i]?|jul[i]?|aug(?:ustus)?|sep(?:t(?:ember)?)?|okt(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?\s+(?<y>\d{4})(?!\d)",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex TextDate();

    [GeneratedRegex(@"(geboren|geb\.|geb\s|geboortedatum|geb\.?datum|gebdat|d\.o\.b\.?|dob)\W{0,3}(op\s+)?$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex BirthKeywordBefore();

    /// <summary>The first thing in <paramref name="text"/> that looks like pupil data, or null.</summary>
    public static PupilDataFinding? Find(string? text, DateOnly today)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;

        foreach (Match match in NineDigits().Matches(text))
        {
            var digits = new string(match.Value.Where(char.IsAsciiDigit).ToArray());
            if (PassesElevenTest(digits)) return new PupilDataFinding(PupilDataKind.CitizenServiceNumber, match.Value);
        }

        foreach (var regex in new[] { NumericDate(), IsoDate(), TextDate() })
        {
            foreach (Match match in regex.Matches(text))
            {
                if (!TryDate(match, out var date)) continue;
                var before = text[Math.Max(0, match.Index - 30)..match.Index];
                if (BirthKeywordBefore().IsMatch(before) || IsPupilBirthDate(date, today)) return new PupilDataFinding(PupilDataKind.DateOfBirth, match.Value);
            }
        }

        return null;
    }

    /// <summary>The elfproef of a BSN: 9×d1 + 8×d2 + ... + 2×d8 − 1×d9 is a multiple of 11 (and not all zeros).</summary>
    public static bool PassesElevenTest(string digits)
    {
        if (digits.Length != 9 || !digits.All(char.IsAsciiDigit) || digits.All(c => c == '0')) return false;
        var sum = 0;
        for (var i = 0; i < 8; i++) sum += (digits[i] - '0') * (9 - i);
        sum -= digits[8] - '0';
        return sum % 11 == 0;
    }

    /// <summary>A date on which a pupil of primary-school age (with a year's margin) could have been born.</summary>
    public static bool IsPupilBirthDate(DateOnly date, DateOnly today) =>
        date > today.AddYears(-OldestPupilAge - 1) && date <= today.AddYears(-YoungestPupilAge);

    private static bool TryDate(Match match, out DateOnly date)
    {
        date = default;
        var monthText = match.Groups["m"].Value;
        int month;
        if (int.TryParse(monthText, NumberStyles.None, CultureInfo.InvariantCulture, out var number)) month = number;
        else if (monthText.Equals("mrt", StringComparison.OrdinalIgnoreCase)) month = 3;
        else month = Array.FindIndex(Months, m => m.StartsWith(monthText[..Math.Min(3, monthText.Length)].ToLowerInvariant(), StringComparison.Ordinal)) + 1;
        if (!int.TryParse(match.Groups["d"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var day)) return false;
        if (!int.TryParse(match.Groups["y"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var year)) return false;
        if (match.Groups["y"].Value.Length == 2) year += 2000;
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || year < 1900) return false;
        date = new DateOnly(year, month, day);
        return true;
    }
}

using System.Globalization;
using System.Text;
using CsvHelper;
using Zout.Basisondersteuning.Web.Domain;
using Zout.Basisondersteuning.Web.Domain.Administration;

namespace Zout.Basisondersteuning.Web.Features.DuoImport;

/// <summary>A row DUO's file could not give us, with the line number in the file and the reason in Dutch.</summary>
public sealed record BadRow(int Line, string Reason);

/// <summary>One school location as DUO publishes it.</summary>
public sealed record LocationRow(
    int Line, string LocationCode, string Brin, string BoardNumber, string Name, string? Street, string? HouseNumber, string? PostalCode,
    string? City, string? MunicipalityCode, string? Municipality, string? Denomination, string? Phone, string? Website);

/// <summary>The pupil count of one school location.</summary>
public sealed record PupilCountRow(int Line, string LocationCode, int PupilCount);

/// <summary>A DUO file read: either a file-level error (not such a CSV at all), or rows and bad rows.</summary>
public sealed record ParsedDuoFile(string? FileError, IReadOnlyList<LocationRow> Locations, IReadOnlyList<PupilCountRow> PupilCounts, IReadOnlyList<BadRow> BadRows)
{
    public static ParsedDuoFile Error(string message) => new(message, [], [], []);
}

/// <summary>
/// Reads DUO's open data CSV files: semicolon-separated, UTF-8 (with or without BOM) or Windows-1252,
/// with today's or the older header names. Every problem becomes a Dutch message.
/// </summary>
public static class DuoFile
{
    public const int MaxBytes = 10 * 1024 * 1024;
    public const int MaxPupilCount = 5000;

    static DuoFile() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    // Each column with its accepted header names, today's first.
    private static readonly string[] LocationCodeHeaders = ["VESTIGINGSCODE", "VESTIGINGSNUMMER"];
    private static readonly string[] BrinHeaders = ["INSTELLINGSCODE", "BRIN NUMMER", "BRINNUMMER"];
    private static readonly string[] BoardHeaders = ["BEVOEGD GEZAG NUMMER", "BEVOEGD GEZAG"];
    private static readonly string[] NameHeaders = ["VESTIGINGSNAAM", "NAAM VESTIGING", "INSTELLINGSNAAM VESTIGING"];
    private static readonly string[] PupilHeaders = ["AANTAL_LEERLINGEN", "AANTAL LEERLINGEN", "TOTAAL AANTAL LEERLINGEN"];

    public static ParsedDuoFile Parse(ImportKind kind, byte[] bytes)
    {
        if (bytes.Length == 0) return ParsedDuoFile.Error("Het bestand is leeg. Kies het CSV-bestand van DUO.");
        if (bytes.Length > MaxBytes) return ParsedDuoFile.Error($"Het bestand is te groot (meer dan {MaxBytes / 1024 / 1024} MB). Kies het CSV-bestand van DUO.");
        if (Array.IndexOf(bytes, (byte)0) >= 0) return ParsedDuoFile.Error("Dit is geen CSV-bestand maar een ander soort bestand (bijvoorbeeld Excel of PDF). Kies het CSV-bestand van DUO, met puntkomma's tussen de kolommen.");

        var text = Decode(bytes);
        if (string.IsNullOrWhiteSpace(text)) return ParsedDuoFile.Error("Het bestand is leeg. Kies het CSV-bestand van DUO.");

        var badRows = new List<BadRow>();
        var options = new CsvReaderOptions
        {
            Separator = ';',
            HasHeader = true,
            TrimWhitespace = true,
            TrackLineNumbers = true,
            SkipEmptyLines = true,
            MalformedData = CsvMalformedDataHandling.Skip,
            FieldCountMismatch = CsvFieldCountHandling.Allow,
            MissingField = CsvMissingFieldHandling.ReturnEmpty,
            OnMalformedRecord = record => badRows.Add(new BadRow((int)record.LineNumber, "De regel heeft aanhalingstekens op een verkeerde plek.")),
        };
        using var csv = CsvReader.FromText(text, options);
        string[] headers;
        try
        {
            csv.ReadHeader();
            if (csv.Headers is not { Count: > 0 } headerRecord)
            {
                return ParsedDuoFile.Error("Het bestand heeft geen kopregel met kolomnamen. Kies het CSV-bestand van DUO.");
            }

            headers = headerRecord.Select(h => h.Trim().Trim('"').ToUpperInvariant()).ToArray();
        }
        catch (CsvFormatException)
        {
            return ParsedDuoFile.Error("Het bestand kan niet worden gelezen als CSV-bestand. Kies het CSV-bestand van DUO.");
        }

        if (headers.Length == 1)
        {
            return ParsedDuoFile.Error("De kolommen in dit bestand worden niet gescheiden door puntkomma's. Kies het CSV-bestand van DUO zoals u het heeft gedownload.");
        }

        int Find(string[] names) => names.Select(n => Array.IndexOf(headers, n)).FirstOrDefault(i => i >= 0, -1);
        var codeIndex = Find(LocationCodeHeaders);
        var brinIndex = Find(BrinHeaders);
        var missing = new List<string>();
        if (codeIndex < 0) missing.Add(LocationCodeHeaders[0]);
        if (brinIndex < 0) missing.Add(BrinHeaders[0]);

        if (kind == ImportKind.SchoolLocations)
        {
            var boardIndex = Find(BoardHeaders);
            var nameIndex = Find(NameHeaders);
            if (boardIndex < 0) missing.Add(BoardHeaders[0]);
            if (nameIndex < 0) missing.Add(NameHeaders[0]);
            if (missing.Count > 0) return MissingColumns(missing, "het bestand met vestigingen (adressen) van scholen");
            return ReadLocations(csv, badRows, codeIndex, brinIndex, boardIndex, nameIndex, headers);
        }

        var pupilIndex = Find(PupilHeaders);
        if (pupilIndex < 0) missing.Add(PupilHeaders[0]);
        if (missing.Count > 0) return MissingColumns(missing, "het bestand met leerlingaantallen per vestiging");
        return ReadPupilCounts(csv, badRows, codeIndex, brinIndex, pupilIndex);
    }

    private static ParsedDuoFile MissingColumns(List<string> missing, string what) =>
        ParsedDuoFile.Error($"Dit bestand mist de kolom{(missing.Count > 1 ? "men" : "")} {string.Join(", ", missing)}. Kies {what} van DUO.");

    private static ParsedDuoFile ReadLocations(CsvReader csv, List<BadRow> badRows, int codeIndex, int brinIndex, int boardIndex, int nameIndex, string[] headers)
    {
        int Optional(string name) => Array.IndexOf(headers, name);
        var street = Optional("STRAATNAAM");
        var number = Optional("HUISNUMMER-TOEVOEGING");
        var postal = Optional("POSTCODE");
        var city = Optional("PLAATSNAAM");
        var municipalityCode = Optional("GEMEENTENUMMER");
        var municipality = Optional("GEMEENTENAAM");
        var denomination = Optional("DENOMINATIE");
        var phone = Optional("TELEFOONNUMMER");
        var website = Optional("INTERNETADRES");

        var rows = new List<LocationRow>();
        var seen = new Dictionary<string, int>();
        while (SafeRead(csv, badRows))
        {
            var line = (int)csv.LineNumber;
            string? Field(int index) => index >= 0 && index < csv.FieldCount && csv.GetString(index) is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
            var (code, brin, codeError) = LocationCodeOf(Field(codeIndex), Field(brinIndex));
            var reasons = new List<string>();
            if (codeError is not null) reasons.Add(codeError);
            var board = Field(boardIndex);
            if (board is null) reasons.Add("Het bestuursnummer (BEVOEGD GEZAG NUMMER) ontbreekt.");
            else if (board.Length > Board.BoardNumberMaxLength || !board.All(char.IsAsciiDigit)) reasons.Add($"Het bestuursnummer '{board}' is geen nummer.");
            var name = Field(nameIndex);
            if (name is null) reasons.Add("De naam van de vestiging (VESTIGINGSNAAM) ontbreekt.");
            else if (name.Length > School.NameMaxLength) reasons.Add($"De naam is langer dan {School.NameMaxLength} tekens.");
            var values = new[] { (Field(street), School.ShortTextMaxLength, "STRAATNAAM"), (Field(number), 20, "HUISNUMMER-TOEVOEGING"), (Field(postal), 10, "POSTCODE"),
                (Field(city), School.ShortTextMaxLength, "PLAATSNAAM"), (Field(municipalityCode), 10, "GEMEENTENUMMER"), (Field(municipality), School.ShortTextMaxLength, "GEMEENTENAAM"),
                (Field(denomination), School.ShortTextMaxLength, "DENOMINATIE"), (Field(phone), 30, "TELEFOONNUMMER"), (Field(website), School.WebsiteMaxLength, "INTERNETADRES") };
            foreach (var (value, max, column) in values)
            {
                if (value is { Length: var length } && length > max) reasons.Add($"{column} is langer dan {max} tekens.");
            }

            if (code is not null && seen.TryGetValue(code, out var firstLine)) reasons.Add($"Vestigingscode {code} staat ook al op regel {firstLine}.");
            if (reasons.Count > 0)
            {
                badRows.Add(new BadRow(line, string.Join(" ", reasons)));
                continue;
            }

            seen[code!] = line;
            rows.Add(new LocationRow(line, code!, brin!, board!, name!, Field(street), Field(number),
                Field(postal)?.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant(), Field(city), Field(municipalityCode), Field(municipality),
                Field(denomination), Field(phone), Field(website)));
        }

        return Finish(rows, [], badRows);
    }

    private static ParsedDuoFile ReadPupilCounts(CsvReader csv, List<BadRow> badRows, int codeIndex, int brinIndex, int pupilIndex)
    {
        var rows = new List<PupilCountRow>();
        var seen = new Dictionary<string, int>();
        while (SafeRead(csv, badRows))
        {
            var line = (int)csv.LineNumber;
            string? Field(int index) => index >= 0 && index < csv.FieldCount && csv.GetString(index) is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
            var (code, _, codeError) = LocationCodeOf(Field(codeIndex), Field(brinIndex));
            var reasons = new List<string>();
            if (codeError is not null) reasons.Add(codeError);
            var countText = Field(pupilIndex);
            var count = 0;
            if (countText is null) reasons.Add("Het aantal leerlingen (AANTAL_LEERLINGEN) ontbreekt.");
            else if (!int.TryParse(countText, NumberStyles.None, CultureInfo.InvariantCulture, out count) || count > MaxPupilCount)
                reasons.Add($"Het aantal leerlingen '{countText}' is geen geheel getal van 0 tot en met {MaxPupilCount}.");
            if (code is not null && seen.TryGetValue(code, out var firstLine)) reasons.Add($"Vestigingscode {code} staat ook al op regel {firstLine}.");
            if (reasons.Count > 0)
            {
                badRows.Add(new BadRow(line, string.Join(" ", reasons)));
                continue;
            }

            seen[code!] = line;
            rows.Add(new PupilCountRow(line, code!, count));
        }

        return Finish([], rows, badRows);
    }

    private static ParsedDuoFile Finish(List<LocationRow> locations, List<PupilCountRow> pupils, List<BadRow> badRows)
    {
        if (locations.Count == 0 && pupils.Count == 0 && badRows.Count == 0)
        {
            return ParsedDuoFile.Error("Het bestand heeft alleen een kopregel en geen scholen.");
        }

        // A row with bad quotes is reported by the parser and may also fail our checks: one line, one entry.
        var merged = badRows.GroupBy(b => b.Line).Select(g => new BadRow(g.Key, string.Join(" ", g.Select(b => b.Reason).Distinct()))).OrderBy(b => b.Line).ToList();
        var badLines = merged.Select(b => b.Line).ToHashSet();
        return new ParsedDuoFile(null, locations.Where(l => !badLines.Contains(l.Line)).ToList(), pupils.Where(p => !badLines.Contains(p.Line)).ToList(), merged);
    }

    private static bool SafeRead(CsvReader csv, List<BadRow> badRows)
    {
        {
            try
            {
                return csv.Read();
            }
            catch (CsvFormatException e)
            {
                // The reader cannot go on after this: report it, so the import cannot pretend the rest was read.
                badRows.Add(new BadRow((int)e.LineNumber, "Vanaf deze regel kan het bestand niet worden gelezen."));
                return false;
            }
        }
    }

    /// <summary>The location code from the VESTIGINGSCODE column: six characters, or (older files) only the two digits after the BRIN.</summary>
    private static (string? Code, string? Brin, string? Error) LocationCodeOf(string? codeField, string? brinField)
    {
        var brin = brinField?.ToUpperInvariant();
        if (codeField is null) return (null, null, "De vestigingscode (VESTIGINGSCODE) ontbreekt.");
        var code = codeField.ToUpperInvariant();
        if (code.Length is 1 or 2 && code.All(char.IsAsciiDigit) && brin is { Length: School.BrinLength }) code = brin + code.PadLeft(2, '0');
        if (!School.IsValidLocationCode(code)) return (null, null, $"De vestigingscode '{codeField}' is geen BRIN met 2 cijfers, zoals 12AB00.");
        if (brin is not null && brin != code[..School.BrinLength]) return (null, null, $"De vestigingscode {code} hoort niet bij instellingscode {brin}.");
        return (code, code[..School.BrinLength], null);
    }

    /// <summary>Valid UTF-8 (with or without BOM) is read as UTF-8, anything else as Windows-1252.</summary>
    public static string Decode(byte[] bytes)
    {
        var start = bytes is [0xEF, 0xBB, 0xBF, ..] ? 3 : 0;
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes, start, bytes.Length - start);
        }
        catch (DecoderFallbackException)
        {
            return Encoding.GetEncoding(1252).GetString(bytes);
        }
    }
}

namespace Zout.Basisondersteuning.BrowserTests.Infrastructure;

/// <summary>The demo accounts and schools (Data/Seeding/DemoData.cs, README).</summary>
public static class Demo
{
    public const string Admin = "beheerder@demo.example";
    public const string Consultant = "consultant@demo.example";
    public const string RegionConsultant = "consultant-heuvelrug@demo.example";
    public const string Board = "bestuur@demo.example";
    public const string School = "ib@demo.example";
    public const string Director = "directeur@demo.example";
    public const string OtherSchool = "ib2@demo.example";

    /// <summary>Obs De Regenboog: this year's scan is a concept.</summary>
    public const string SchoolCode = "12AB00";

    /// <summary>Cbs De Ontdekking (another board): this year's scan is not started, last year's is adopted.</summary>
    public const string OtherSchoolCode = "14EF00";

    /// <summary>The current school year ("2026-2027"); school years start on 1 August.</summary>
    public static string CurrentYear
    {
        get
        {
            var today = DateTime.Today;
            var start = today.Month >= 8 ? today.Year : today.Year - 1;
            return $"{start}-{start + 1}";
        }
    }

    /// <summary>Last school year ("2025-2026"): adopted for most demo schools, 12AB00 and 14EF00 among them.</summary>
    public static string LastYear
    {
        get
        {
            var start = int.Parse(CurrentYear[..4], System.Globalization.CultureInfo.InvariantCulture) - 1;
            return $"{start}-{start + 1}";
        }
    }

    /// <summary>The address segments of a school's documents (Features/Documents/DocumentCatalog.cs).</summary>
    public static readonly string[] DocumentKinds = ["sop", "ouderrapport", "leraarposter", "financien", "afspraken", "scanrapport"];

    /// <summary>A region of the demo partnership, with 14EF00 (Wijk bij Duurstede) in it.</summary>
    public const string Region = "Regio Heuvelrug en Wijk bij Duurstede";

    public static string ScanPath(string code) => $"/school/{code}/scan/{CurrentYear}";
}

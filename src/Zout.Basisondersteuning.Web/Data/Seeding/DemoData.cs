using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Zout.Basisondersteuning.Web.Domain;
using Zout.Basisondersteuning.Web.Domain.Accounts;
using Zout.Basisondersteuning.Web.Infrastructure;

namespace Zout.Basisondersteuning.Web.Data.Seeding;

/// <summary>
/// A demo partnership with 3 regions, 5 boards, 30 schools (the ten of the DUO sample file among them)
/// and one account per role. Development only: the accounts share a known password.
/// </summary>
public static class DemoData
{
    public const string Password = "Demo-wachtwoord-2026";
    public const string AdminEmail = "beheerder@demo.example";
    public const string ConsultantEmail = "consultant@demo.example";
    public const string RegionConsultantEmail = "consultant-heuvelrug@demo.example";
    public const string BoardEmail = "bestuur@demo.example";
    public const string SchoolEmail = "ib@demo.example";
    public const string DirectorEmail = "directeur@demo.example";
    public const string OtherSchoolEmail = "ib2@demo.example";
    public const string SchoolCode = "12AB00";
    public const string OtherSchoolCode = "14EF00";

    private sealed record SchoolSeed(string Board, string Code, string Name, string Street, string Number, string PostalCode, string City,
        string MunicipalityCode, string Municipality, string Denomination, string? Phone, string? Website, int Pupils);

    // The first ten are the schools of shared/data/duo-vestigingen-sample.csv, with the pupil counts of duo-leerlingen-sample.csv.
    private static readonly SchoolSeed[] Schools =
    [
        new("41234", "12AB00", "Obs De Regenboog", "Laan van Vollenhove", "12", "3706AB", "ZEIST", "0355", "ZEIST", "Openbaar", "0301234567", "www.obsderegenboog.example", 312),
        new("41234", "12AB01", "Obs De Regenboog, dependance Kerckebosch", "Jagerslaan", "3", "3705XA", "ZEIST", "0355", "ZEIST", "Openbaar", "0301234568", "www.obsderegenboog.example", 88),
        new("41234", "13CD00", "Obs 't Kompas", "Dorpsstraat", "45", "3981EB", "BUNNIK", "0312", "BUNNIK", "Openbaar", "0306543210", null, 145),
        new("52345", "14EF00", "Cbs De Ontdekking", "Markt", "7", "3961BC", "WIJK BIJ DUURSTEDE", "0352", "WIJK BIJ DUURSTEDE", "Protestants-Christelijk", "0343571234", "www.cbsdeontdekking.example", 231),
        new("52345", "15GH00", "Cbs Het Mosterdzaadje", "Hoofdstraat", "101", "3971KE", "DRIEBERGEN-RIJSENBURG", "1581", "UTRECHTSE HEUVELRUG", "Protestants-Christelijk", "0343512345", null, 198),
        new("63456", "16JK00", "Rk Basisschool Sint Maarten", "Kerkplein", "2", "3941AB", "DOORN", "1581", "UTRECHTSE HEUVELRUG", "Rooms-Katholiek", "0343412345", "www.sintmaarten.example", 402),
        new("63456", "17LM00", "Daltonschool Het Palet", "Prinses Irenelaan", "18", "3702AC", "ZEIST", "0355", "ZEIST", "Rooms-Katholiek", "0306912345", null, 267),
        new("74567", "18NP00", "Vrije School Michaël", "Socratesweg", "5", "3705LB", "ZEIST", "0355", "ZEIST", "Antroposofisch", "0306998877", "www.vrijeschoolmichael.example", 176),
        new("74567", "19QR00", "Montessorischool De Kleine Wereld", "Bosweg", "30", "3958AA", "AMERONGEN", "1581", "UTRECHTSE HEUVELRUG", "Algemeen bijzonder", "0343451234", null, 121),
        new("85678", "20ST00", "Basisschool De Brücke", "Réaumurstraat", "9", "3732ER", "DE BILT", "0310", "DE BILT", "Interconfessioneel", "0302201234", "www.debrucke.example", 254),
        new("41234", "21UV00", "Obs De Linde", "Lindenlaan", "4", "3701AA", "ZEIST", "0355", "ZEIST", "Openbaar", null, null, 205),
        new("41234", "22WX00", "Obs Het Zonnewiel", "Kastanjelaan", "22", "3981AB", "BUNNIK", "0312", "BUNNIK", "Openbaar", null, null, 167),
        new("41234", "23YZ00", "Obs De Wegwijzer", "Odijkerweg", "80", "3984AA", "ODIJK", "0312", "BUNNIK", "Openbaar", null, null, 139),
        new("41234", "24AB00", "Obs De Griffel", "Griffensteijnselaan", "7", "3703AE", "ZEIST", "0355", "ZEIST", "Openbaar", null, null, 288),
        new("52345", "25CD00", "Cbs De Wegwijzer", "Traay", "15", "3971GA", "DRIEBERGEN-RIJSENBURG", "1581", "UTRECHTSE HEUVELRUG", "Protestants-Christelijk", null, null, 243),
        new("52345", "26EF00", "Cbs De Akker", "Langbroekerweg", "3", "3941MT", "DOORN", "1581", "UTRECHTSE HEUVELRUG", "Protestants-Christelijk", null, null, 112),
        new("52345", "27GH00", "Cbs Het Kompas", "Molenweg", "10", "3961AA", "WIJK BIJ DUURSTEDE", "0352", "WIJK BIJ DUURSTEDE", "Protestants-Christelijk", null, null, 187),
        new("52345", "28JK00", "Cbs De Fontein", "Utrechtseweg", "61", "3732HB", "DE BILT", "0310", "DE BILT", "Protestants-Christelijk", null, null, 301),
        new("63456", "29LM00", "Rk Basisschool De Vlinder", "Hoflaan", "14", "3956AB", "LEERSUM", "1581", "UTRECHTSE HEUVELRUG", "Rooms-Katholiek", null, null, 156),
        new("63456", "30NP00", "Rk Basisschool Sint Jozef", "Julianastraat", "9", "3961AC", "WIJK BIJ DUURSTEDE", "0352", "WIJK BIJ DUURSTEDE", "Rooms-Katholiek", null, null, 224),
        new("63456", "31QR00", "Rk Basisschool De Bron", "Dorpsstraat", "100", "3732HK", "DE BILT", "0310", "DE BILT", "Rooms-Katholiek", null, null, 198),
        new("63456", "32ST00", "Rk Basisschool Het Talent", "Noordweg", "2", "3704AA", "ZEIST", "0355", "ZEIST", "Rooms-Katholiek", null, null, 245),
        new("74567", "33UV00", "Vrije School De Zonnewijzer", "Amersfoortseweg", "44", "3941EC", "DOORN", "1581", "UTRECHTSE HEUVELRUG", "Antroposofisch", null, null, 133),
        new("74567", "34WX00", "Montessorischool De Bilt", "Soestdijkseweg", "120", "3721AA", "BILTHOVEN", "0310", "DE BILT", "Algemeen bijzonder", null, null, 276),
        new("74567", "35YZ00", "Jenaplanschool De Boomgaard", "Boomgaardweg", "8", "3981GG", "BUNNIK", "0312", "BUNNIK", "Algemeen bijzonder", null, null, 148),
        new("85678", "36AB00", "Basisschool De Meander", "Groenekanseweg", "17", "3737AA", "GROENEKAN", "0310", "DE BILT", "Interconfessioneel", null, null, 118),
        new("85678", "37CD00", "Basisschool Het Baken", "Kerklaan", "31", "3731AA", "DE BILT", "0310", "DE BILT", "Interconfessioneel", null, null, 209),
        new("85678", "38EF00", "Basisschool De Sterrenkijker", "Planetenbaan", "5", "3721AB", "BILTHOVEN", "0310", "DE BILT", "Interconfessioneel", null, null, 356),
        new("85678", "39GH00", "Basisschool De Kring", "Kringweg", "12", "3707AA", "ZEIST", "0355", "ZEIST", "Interconfessioneel", null, null, 172),
        new("85678", "40JK00", "Basisschool Het Anker", "Ankerweg", "2", "3958AB", "AMERONGEN", "1581", "UTRECHTSE HEUVELRUG", "Interconfessioneel", null, null, 95),
    ];

    private static readonly (string Number, string Name)[] Boards =
    [
        ("41234", "Stichting Openbaar Onderwijs Zeist en Bunnik"),
        ("52345", "Vereniging voor Christelijk Primair Onderwijs Heuvelrug"),
        ("63456", "Stichting Katholiek Onderwijs Utrecht-Oost"),
        ("74567", "Stichting Vrij en Montessori Onderwijs"),
        ("85678", "Stichting Interconfessioneel Onderwijs De Bilt"),
    ];

    private static readonly Dictionary<string, string> RegionByMunicipality = new()
    {
        ["ZEIST"] = "Regio Zeist",
        ["UTRECHTSE HEUVELRUG"] = "Regio Heuvelrug en Wijk bij Duurstede",
        ["WIJK BIJ DUURSTEDE"] = "Regio Heuvelrug en Wijk bij Duurstede",
        ["DE BILT"] = "Regio De Bilt en Bunnik",
        ["BUNNIK"] = "Regio De Bilt en Bunnik",
    };

    public static async Task SeedAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (await db.Partnerships.AnyAsync(cancellationToken)) return;

        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var time = scope.ServiceProvider.GetRequiredService<TimeProvider>();

        db.Partnerships.Add(new Partnership
        {
            Name = "Samenwerkingsverband Passend Onderwijs Utrechtse Heuvelrug (demo)",
            ShortName = "SWV Heuvelrug",
            Email = "info@swv-demo.example",
            Phone = "0301234000",
            Website = "https://swv-demo.example",
            Street = "Stationsplein 1",
            PostalCode = "3701AA",
            City = "Zeist",
        });

        var regions = RegionByMunicipality.Values.Distinct().ToDictionary(name => name, name => new Region { Name = name });
        db.Regions.AddRange(regions.Values);
        var boards = Boards.ToDictionary(b => b.Number, b => new Board { BoardNumber = b.Number, Name = b.Name });
        db.Boards.AddRange(boards.Values);
        var schools = Schools.ToDictionary(s => s.Code, s => new School
        {
            LocationCode = s.Code,
            Brin = s.Code[..4],
            Name = s.Name,
            Street = s.Street,
            HouseNumber = s.Number,
            PostalCode = s.PostalCode,
            City = s.City,
            MunicipalityCode = s.MunicipalityCode,
            Municipality = s.Municipality,
            Denomination = s.Denomination,
            Phone = s.Phone,
            Website = s.Website,
            PupilCount = s.Pupils,
            Board = boards[s.Board],
            Region = regions[RegionByMunicipality[s.Municipality]],
        });
        db.Schools.AddRange(schools.Values);
        // Basiskwaliteit: the inspection's most recent judgement, as a school fills it in; three schools have not yet.
        InspectionJudgement[] judgements = [InspectionJudgement.Sufficient, InspectionJudgement.Sufficient, InspectionJudgement.Good, InspectionJudgement.BasicSupervision, InspectionJudgement.Sufficient];
        foreach (var (school, i) in Schools.Select((seed, i) => (schools[seed.Code], i)).Where(x => x.i % 10 != 7))
        {
            school.InspectionJudgement = judgements[i % judgements.Length];
            school.InspectionDate = new DateOnly(2022 + i % 4, 1 + i * 5 % 12, 1 + i * 7 % 28);
            school.InspectionReportUrl = $"https://inspectie-demo.example/scholen/{school.LocationCode}";
        }

        var currentStart = SchoolYear.StartYearOf(time.Today());
        db.SchoolYears.AddRange(SchoolYear.For(currentStart - 1), SchoolYear.For(currentStart));
        await db.SaveChangesAsync(cancellationToken);

        var now = time.GetUtcNow();
        await CreateAsync(users, new AppUser { Email = AdminEmail, DisplayName = "Bea Beheerder", Role = UserRole.PartnershipAdmin, CreatedAt = now });
        var consultant = await CreateAsync(users, new AppUser { Email = ConsultantEmail, DisplayName = "Cor Consultant", Role = UserRole.Consultant, AllRegions = true, CreatedAt = now });
        var regionConsultant = await CreateAsync(users, new AppUser
        {
            Email = RegionConsultantEmail,
            DisplayName = "Hanna Heuvelrug",
            Role = UserRole.Consultant,
            CreatedAt = now,
            Regions = [regions["Regio Heuvelrug en Wijk bij Duurstede"]],
        });
        await CreateAsync(users, new AppUser { Email = BoardEmail, DisplayName = "Bram Bestuur", Role = UserRole.BoardUser, BoardId = boards["41234"].Id, CreatedAt = now });
        await CreateAsync(users, new AppUser { Email = SchoolEmail, DisplayName = "Iris IB-er", Role = UserRole.SchoolUser, SchoolId = schools[SchoolCode].Id, CreatedAt = now });
        await CreateAsync(users, new AppUser { Email = DirectorEmail, DisplayName = "Dirk Directeur", Role = UserRole.SchoolUser, SchoolId = schools[SchoolCode].Id, IsDirector = true, CreatedAt = now });
        await CreateAsync(users, new AppUser { Email = OtherSchoolEmail, DisplayName = "Ilse IB-er", Role = UserRole.SchoolUser, SchoolId = schools[OtherSchoolCode].Id, CreatedAt = now });

        foreach (var school in schools.Values)
        {
            school.ContactPersonId = school.Region!.Name == "Regio Heuvelrug en Wijk bij Duurstede" ? regionConsultant.Id : consultant.Id;
        }

        await db.SaveChangesAsync(cancellationToken);
        await DemoScans.SeedAsync(db, time, schools, SchoolCode, OtherSchoolCode, cancellationToken);
        // The partnership's extra support offering (issue 6).
        await DemoSupport.SeedAsync(db, time, cancellationToken);
        // Team Basisondersteuning: conversations, requests, connections, signals, joint training, phases (issue 11).
        await DemoTeam.SeedAsync(db, time, cancellationToken);
        DemoDocuments.StartPublishing(services);
    }

    private static async Task<AppUser> CreateAsync(UserManager<AppUser> users, AppUser user)
    {
        user.UserName = user.Email;
        user.EmailConfirmed = true;
        var result = await users.CreateAsync(user, Password);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Demo user {user.Email}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }

        return user;
    }
}

using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Zout.Basisondersteuning.Web.Data;
using Zout.Basisondersteuning.Web.Domain;
using Zout.Basisondersteuning.Web.Domain.Accounts;
using Zout.Basisondersteuning.Web.Domain.Scans;

namespace Zout.Basisondersteuning.Tests.Infrastructure;

/// <summary>
/// The one way tests make data, straight into a portal's database through the app's own context (so audit
/// fields and dashboard summaries are kept as in the app). Everything has sensible defaults and unique
/// generated codes, names and e-mail addresses, so tests sharing a portal never get in each other's way:
/// <code>
/// var school = await Data.CreateSchoolAsync(s => s.InBoard(World.BoardA).WithStaff()
///     .WithAdoptedScan(2025, scan => scan.Level("taal-lezen", "aanbod", 4).Offer("lift")));
/// var director = await Data.CreateUserAsync(u => u.SchoolUser(school).Director());
/// </code>
/// </summary>
public sealed class TestData(PortalFactory factory)
{
    /// <summary>The school year of the test date (the fake clock stands on 23 November 2026), and the one before.</summary>
    public const string ThisYear = "2026-2027";
    public const string LastYear = "2025-2026";

    private static int _next;

    /// <summary>A number no other piece of test data in this test run has: for codes, names and e-mail addresses.</summary>
    internal static int Next() => Interlocked.Increment(ref _next);

    /// <summary>A small framework with every kind of section: domains taal-lezen and rekenen, aspects expertise and aanbod, levels 1 to 4.</summary>
    public static FrameworkDefinition SmallFramework() => new()
    {
        Name = "Testkader",
        AmountPerPupil = 100m,
        Levels =
        [
            new() { Value = 1, Label = "Niet aanwezig" },
            new() { Value = 2, Label = "In ontwikkeling" },
            new() { Value = 3, Label = "Op orde" },
            new() { Value = 4, Label = "Sterk en geborgd" },
        ],
        Aspects =
        [
            new() { Key = "expertise", Name = "Expertise", LevelDescriptions = [new() { Level = 4, Text = "Het team kan anderen ondersteunen." }] },
            new() { Key = "aanbod", Name = "Aanbod" },
        ],
        Domains =
        [
            new() { Key = "taal-lezen", Name = "Taal en lezen", Examples = ["Dyslexie"] },
            new() { Key = "rekenen", Name = "Rekenen" },
        ],
        ChangeCapacity = [new() { Key = "visie", Text = "We hebben een gedeelde visie." }, new() { Key = "leiderschap", Text = "Er is onderwijskundig leiderschap." }],
        Agreements =
        [
            new() { Number = 1, Key = "1", Text = "Ons team werkt planmatig en cyclisch.", Category = "Handelingsgericht werken", ShowScoreInSop = false },
            new() { Number = 2, Key = "2", Text = "De school heeft een protocol dyslexie.", Category = "Taal", ShowScoreInSop = true },
        ],
        OfferingGroups =
        [
            new()
            {
                Key = "expertise", Name = "Expertise in het team", Kind = OfferingKind.Expertise,
                Items = [new() { Key = "dyslexiespecialist", Name = "Dyslexiespecialist", QuantityUnit = "dagdelen" }, new() { Key = "gedragsspecialist", Name = "Gedragsspecialist", QuantityUnit = "dagdelen" }],
            },
            new()
            {
                Key = "voorzieningen", Name = "Voorzieningen", Kind = OfferingKind.Facility,
                Items = [new() { Key = "lift", Name = "Lift" }, new() { Key = "prikkelarme-ruimte", Name = "Prikkelarme ruimte", AsksNote = true }],
            },
        ],
        OpenQuestions =
        [
            new() { Key = "visie", Title = "Visie op ondersteuning", Required = true, MaxLength = 2000 },
            new() { Key = "grenzen", Title = "Grenzen aan de ondersteuning", Required = true, MaxLength = 2000 },
            new() { Key = "ambities", Title = "Ambities", Required = false, MaxLength = 2000 },
        ],
        FinanceCategories = [new() { Key = "ib", Name = "Intern begeleider" }, new() { Key = "scholing", Name = "Scholing" }],
        KeyFigures = [new() { Key = "arrangementen", Name = "Aantal aangevraagde arrangementen", Required = false }],
    };

    public Task<Partnership> CreatePartnershipAsync(string name = "SWV Testregio", string shortName = "SWV Test") =>
        SaveAsync(new Partnership { Name = name, ShortName = shortName });

    public Task<Region> CreateRegionAsync(string? name = null) =>
        SaveAsync(new Region { Name = name ?? $"Regio {Next()}" });

    public Task<Board> CreateBoardAsync(string? name = null, string? number = null)
    {
        var n = Next();
        return SaveAsync(new Board { BoardNumber = number ?? $"{20000 + n}", Name = name ?? $"Stichting Testbestuur {n}" });
    }

    /// <summary>
    /// A school (by default "Testschool n" with code Tnnnnn, 200 pupils, in a board of its own), and what the
    /// builder adds: its IB-er and directeur, scans, development points.
    /// </summary>
    public async Task<TestSchool> CreateSchoolAsync(Action<SchoolBuilder>? configure = null)
    {
        var builder = new SchoolBuilder();
        configure?.Invoke(builder);
        var n = Next();
        var code = builder.LocationCode ?? $"T{n:D5}";
        var boardId = builder.BoardId ?? (await CreateBoardAsync()).Id;

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var entity = new School
        {
            LocationCode = code,
            Brin = code[..School.BrinLength],
            Name = builder.Name ?? $"Testschool {n}",
            Street = "Schoolstraat",
            HouseNumber = "1",
            PostalCode = "1234AB",
            City = "TESTDORP",
            Municipality = "TESTGEMEENTE",
            Denomination = "Openbaar",
            PupilCount = builder.PupilCount,
            BoardId = boardId,
            RegionId = builder.RegionId,
            ContactPersonId = builder.ContactPersonId,
            IsActive = builder.IsActive,
        };
        db.Schools.Add(entity);
        await db.SaveChangesAsync();

        var school = new TestSchool(entity.Id, entity.LocationCode, entity.Name, entity.BoardId, entity.RegionId);
        if (builder.Staff)
        {
            var ib = await CreateUserAsync(u => u.Email($"ib-{n}@test.example").SchoolUser(school));
            var director = await CreateUserAsync(u => u.Email($"directeur-{n}@test.example").SchoolUser(school).Director());
            school = school with { Ib = ib.Email, Director = director.Email };
        }

        foreach (var (year, scan) in builder.Scans) await SetScanAsync(school, year, scan);
        foreach (var (year, point) in builder.Points) await CreateDevelopmentPointAsync(school, year, point);
        return school;
    }

    /// <summary>An account with the test password; its role comes from the builder, its e-mail address is generated unless given.</summary>
    public async Task<TestUser> CreateUserAsync(Action<UserBuilder> configure)
    {
        var builder = new UserBuilder();
        configure(builder);
        var role = builder.Role ?? throw new InvalidOperationException("Give the user a role: Admin(), Consultant(), BoardUser(...) or SchoolUser(...).");
        var email = builder.EmailAddress ?? $"{builder.EmailPrefix}-{Next()}@test.example";

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser
        {
            Email = email,
            UserName = email,
            EmailConfirmed = true,
            DisplayName = builder.DisplayName ?? email.Split('@')[0],
            Role = role,
            BoardId = builder.BoardId,
            SchoolId = builder.SchoolId,
            IsDirector = builder.IsDirector,
            IsActive = builder.IsActive,
            // A consultant without regions sees every school, as an admin would set it: an explicit choice.
            AllRegions = role == UserRole.Consultant && builder.RegionIds.Count == 0,
            Regions = builder.RegionIds.Count == 0 ? [] : await db.Regions.Where(r => builder.RegionIds.Contains(r.Id)).ToListAsync(),
        };
        var result = await users.CreateAsync(user, builder.Password);
        if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        return new TestUser(user.Id, email);
    }

    /// <summary>
    /// A school year with a framework (by default the <see cref="SmallFramework"/>) and a scan window (by default
    /// 1 November to 31 December of its first calendar year). A year that exists gets this framework and window,
    /// as when an admin saves them: its framework's version goes up.
    /// </summary>
    public async Task<SchoolYear> CreateYearAsync(int startYear, Action<YearBuilder>? configure = null)
    {
        var builder = new YearBuilder(startYear);
        configure?.Invoke(builder);

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var year = await db.SchoolYears.SingleOrDefaultAsync(y => y.StartYear == startYear);
        if (year is null)
        {
            year = SchoolYear.For(startYear);
            db.SchoolYears.Add(year);
        }

        year.ScanOpensOn = builder.Opens;
        year.ScanClosesOn = builder.Closes;
        year.IsClosed = builder.IsClosed;
        await db.SaveChangesAsync();

        if (builder.Framework is { } framework)
        {
            var row = await db.ScanFrameworks.SingleOrDefaultAsync(f => f.SchoolYearId == year.Id);
            if (row is null)
            {
                db.ScanFrameworks.Add(new ScanFramework { SchoolYearId = year.Id, DefinitionJson = framework.ToJson(), Version = 1 });
            }
            else
            {
                row.DefinitionJson = framework.ToJson();
                row.Version++;
            }

            await db.SaveChangesAsync();
        }

        return year;
    }

    /// <summary>
    /// The school's scan of a year (the year must exist), made as a concept when it has none: the builder sets
    /// its status and answers; answers it does not name stay as they are.
    /// </summary>
    public async Task<int> SetScanAsync(TestSchool school, int startYear, Action<ScanBuilder> configure)
    {
        var builder = new ScanBuilder();
        configure(builder);

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var yearId = await YearIdAsync(db, startYear);
        var scan = await db.Scans.Include(s => s.Answers).SingleOrDefaultAsync(s => s.SchoolId == school.Id && s.SchoolYearId == yearId);
        if (scan is null)
        {
            scan = new Scan { SchoolId = school.Id, SchoolYearId = yearId, Status = ScanStatus.Concept };
            db.Scans.Add(scan);
        }

        if (builder.Status is { } status) scan.Status = status;
        if (builder.AdoptionDate is { } adopted) scan.AdoptionDate = adopted;
        foreach (var given in builder.Answers)
        {
            var answer = scan.Answers.SingleOrDefault(a => a.ItemKey == given.ItemKey);
            if (answer is null)
            {
                scan.Answers.Add(given);
                continue;
            }

            (answer.Level, answer.TargetLevel, answer.Text, answer.Number, answer.Checked, answer.Origin) =
                (given.Level, given.TargetLevel, given.Text, given.Number, given.Checked, given.Origin);
        }

        await db.SaveChangesAsync();
        return scan.Id;
    }

    /// <summary>An ontwikkelpunt of the school in a year (the year must exist); by default "rekenen – expertise, van 2 naar 3", planned.</summary>
    public async Task<int> CreateDevelopmentPointAsync(TestSchool school, int startYear, Action<PointBuilder>? configure = null)
    {
        var builder = new PointBuilder();
        configure?.Invoke(builder);

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var point = new DevelopmentPoint
        {
            SchoolId = school.Id,
            SchoolYearId = await YearIdAsync(db, startYear),
            DomainKey = builder.DomainKey,
            AspectKey = builder.AspectKey,
            Title = builder.Title ?? $"Ontwikkelpunt {Next()}",
            CurrentLevel = builder.CurrentLevel,
            TargetLevel = builder.TargetLevel,
            Actions = "Scholing rekenspecialist",
            Owner = builder.OwnerName,
            Deadline = new DateOnly(2027, 3, 1),
            Status = builder.PointStatus,
            Version = 1,
        };
        db.DevelopmentPoints.Add(point);
        await db.SaveChangesAsync();
        return point.Id;
    }

    private static async Task<int> YearIdAsync(AppDbContext db, int startYear) =>
        await db.SchoolYears.Where(y => y.StartYear == startYear).Select(y => (int?)y.Id).SingleOrDefaultAsync()
        ?? throw new InvalidOperationException($"School year {startYear} does not exist: CreateYearAsync({startYear}) first.");

    private async Task<T> SaveAsync<T>(T entity) where T : class
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.Add(entity);
        await db.SaveChangesAsync();
        return entity;
    }
}

/// <summary>A school made by <see cref="TestData"/>, with its staff when it has them, and the addresses of its scan.</summary>
public sealed record TestSchool(int Id, string Code, string Name, int BoardId, int? RegionId)
{
    private readonly string? _ib;
    private readonly string? _director;

    /// <summary>The e-mail address of the school's IB-er (a school user).</summary>
    public string Ib
    {
        get => _ib ?? throw new InvalidOperationException($"{Code} has no IB-er: make the school WithStaff().");
        init => _ib = value;
    }

    /// <summary>The e-mail address of the school's directeur (a school user who adopts the scan).</summary>
    public string Director
    {
        get => _director ?? throw new InvalidOperationException($"{Code} has no directeur: make the school WithStaff().");
        init => _director = value;
    }

    public string Scan(string year = TestData.ThisYear) => $"/school/{Code}/scan/{year}";

    public string Section(string slug, string year = TestData.ThisYear) => $"{Scan(year)}/sectie/{slug}";
}

public sealed record TestUser(string Id, string Email);

public sealed class SchoolBuilder
{
    internal string? LocationCode { get; private set; }
    internal string? Name { get; private set; }
    internal int? BoardId { get; private set; }
    internal int? RegionId { get; private set; }
    internal string? ContactPersonId { get; private set; }
    internal int PupilCount { get; private set; } = 200;
    internal bool IsActive { get; private set; } = true;
    internal bool Staff { get; private set; }
    internal List<(int Year, Action<ScanBuilder> Scan)> Scans { get; } = [];
    internal List<(int Year, Action<PointBuilder>? Point)> Points { get; } = [];

    /// <summary>Only for a test about a particular code: others get a unique one.</summary>
    public SchoolBuilder Code(string locationCode)
    {
        LocationCode = locationCode;
        return this;
    }

    public SchoolBuilder Named(string name)
    {
        Name = name;
        return this;
    }

    public SchoolBuilder InBoard(Board board)
    {
        BoardId = board.Id;
        return this;
    }

    public SchoolBuilder InRegion(Region region)
    {
        RegionId = region.Id;
        return this;
    }

    public SchoolBuilder ContactPerson(TestUser consultant)
    {
        ContactPersonId = consultant.Id;
        return this;
    }

    public SchoolBuilder Pupils(int count)
    {
        PupilCount = count;
        return this;
    }

    public SchoolBuilder Inactive()
    {
        IsActive = false;
        return this;
    }

    /// <summary>An IB-er (ib-n@test.example) and a directeur (directeur-n@test.example) of the school.</summary>
    public SchoolBuilder WithStaff()
    {
        Staff = true;
        return this;
    }

    public SchoolBuilder WithScan(int startYear, Action<ScanBuilder> scan)
    {
        Scans.Add((startYear, scan));
        return this;
    }

    public SchoolBuilder WithAdoptedScan(int startYear, Action<ScanBuilder>? scan = null) =>
        WithScan(startYear, s =>
        {
            s.Adopted();
            scan?.Invoke(s);
        });

    public SchoolBuilder WithDevelopmentPoint(int startYear, Action<PointBuilder>? point = null)
    {
        Points.Add((startYear, point));
        return this;
    }
}

public sealed class UserBuilder
{
    internal string? EmailAddress { get; private set; }
    internal string? DisplayName { get; private set; }
    internal UserRole? Role { get; private set; }
    internal string EmailPrefix { get; private set; } = "gebruiker";
    internal int? BoardId { get; private set; }
    internal int? SchoolId { get; private set; }
    internal bool IsDirector { get; private set; }
    internal bool IsActive { get; private set; } = true;
    internal List<int> RegionIds { get; } = [];
    internal string Password { get; private set; } = PortalFactory.TestPassword;

    public UserBuilder Email(string email)
    {
        EmailAddress = email;
        return this;
    }

    public UserBuilder Named(string displayName)
    {
        DisplayName = displayName;
        return this;
    }

    public UserBuilder Admin() => As(UserRole.PartnershipAdmin, "beheerder");

    /// <summary>A consultant of the partnership; with regions, limited to those (and their contact schools).</summary>
    public UserBuilder Consultant(params Region[] regions)
    {
        RegionIds.AddRange(regions.Select(r => r.Id));
        return As(UserRole.Consultant, "consultant");
    }

    public UserBuilder BoardUser(Board board)
    {
        BoardId = board.Id;
        return As(UserRole.BoardUser, "bestuur");
    }

    public UserBuilder SchoolUser(TestSchool school)
    {
        SchoolId = school.Id;
        return As(UserRole.SchoolUser, IsDirector ? "directeur" : "ib");
    }

    public UserBuilder Director()
    {
        IsDirector = true;
        EmailPrefix = "directeur";
        return this;
    }

    public UserBuilder Inactive()
    {
        IsActive = false;
        return this;
    }

    private UserBuilder As(UserRole role, string emailPrefix)
    {
        Role = role;
        EmailPrefix = emailPrefix;
        return this;
    }
}

public sealed class YearBuilder(int startYear)
{
    internal FrameworkDefinition? Framework { get; private set; } = TestData.SmallFramework();
    internal DateOnly? Opens { get; private set; } = new(startYear, 11, 1);
    internal DateOnly? Closes { get; private set; } = new(startYear, 12, 31);
    internal bool IsClosed { get; private set; }

    public YearBuilder WithFramework(FrameworkDefinition framework)
    {
        Framework = framework;
        return this;
    }

    /// <summary>No framework yet (the admin can start one from the default).</summary>
    public YearBuilder WithoutFramework()
    {
        Framework = null;
        return this;
    }

    public YearBuilder ScanWindow(DateOnly opens, DateOnly closes)
    {
        (Opens, Closes) = (opens, closes);
        return this;
    }

    public YearBuilder WithoutScanWindow()
    {
        (Opens, Closes) = (null, null);
        return this;
    }

    /// <summary>The scan window is open on the test date (23 November 2026), so the framework is fixed.</summary>
    public YearBuilder ScanOpenOnTheTestDate() => ScanWindow(new DateOnly(2026, 11, 1), new DateOnly(2026, 12, 31));

    /// <summary>The scan opens after the test date (next spring), so the framework can still be edited.</summary>
    public YearBuilder FrameworkStillEditable() => ScanWindow(new DateOnly(2027, 5, 1), new DateOnly(2027, 6, 30));

    public YearBuilder Closed()
    {
        IsClosed = true;
        return this;
    }
}

/// <summary>A scan's status and answers, by the framework's item keys (see <see cref="ScanLayout"/>).</summary>
public sealed class ScanBuilder
{
    internal ScanStatus? Status { get; private set; }
    internal DateOnly? AdoptionDate { get; private set; }
    internal List<ScanAnswer> Answers { get; } = [];

    public ScanBuilder Concept() => WithStatus(ScanStatus.Concept);

    public ScanBuilder Submitted() => WithStatus(ScanStatus.Submitted);

    public ScanBuilder Adopted(DateOnly? on = null)
    {
        AdoptionDate = on;
        return WithStatus(ScanStatus.Adopted);
    }

    /// <summary>A domain x aspect cell: the level, and optionally the target level and the toelichting.</summary>
    public ScanBuilder Level(string domainKey, string aspectKey, int? level, int? target = null, string? text = null) =>
        Answer(ItemKey.Cell(domainKey, aspectKey), level, target, text);

    /// <summary>An offering item ticked, with its quantity when it has one.</summary>
    public ScanBuilder Offer(string itemKey, decimal? quantity = null) =>
        Answer(ItemKey.Offering(itemKey), number: quantity, isChecked: true);

    public ScanBuilder Money(string categoryKey, decimal amount) => Answer(ItemKey.Finance(categoryKey), number: amount);

    public ScanBuilder Question(string questionKey, string text) => Answer(ItemKey.Question(questionKey), text: text);

    /// <summary>Any item, by its key.</summary>
    public ScanBuilder Answer(string itemKey, int? level = null, int? target = null, string? text = null, decimal? number = null, bool isChecked = false)
    {
        Answers.Add(new ScanAnswer { ItemKey = itemKey, Level = level, TargetLevel = target, Text = text, Number = number, Checked = isChecked, Origin = AnswerOrigin.New });
        return this;
    }

    private ScanBuilder WithStatus(ScanStatus status)
    {
        Status = status;
        return this;
    }
}

public sealed class PointBuilder
{
    internal string? Title { get; private set; }
    internal string DomainKey { get; private set; } = "rekenen";
    internal string AspectKey { get; private set; } = "expertise";
    internal int? CurrentLevel { get; private set; } = 2;
    internal int? TargetLevel { get; private set; } = 3;
    internal string? OwnerName { get; private set; } = "Intern begeleider";
    internal DevelopmentPointStatus PointStatus { get; private set; } = DevelopmentPointStatus.Planned;

    public PointBuilder Titled(string title)
    {
        Title = title;
        return this;
    }

    public PointBuilder For(string domainKey, string aspectKey)
    {
        (DomainKey, AspectKey) = (domainKey, aspectKey);
        return this;
    }

    /// <summary>"Van A naar B".</summary>
    public PointBuilder Levels(int? current, int? target)
    {
        (CurrentLevel, TargetLevel) = (current, target);
        return this;
    }

    public PointBuilder Owner(string? owner)
    {
        OwnerName = owner;
        return this;
    }

    public PointBuilder Status(DevelopmentPointStatus status)
    {
        PointStatus = status;
        return this;
    }
}

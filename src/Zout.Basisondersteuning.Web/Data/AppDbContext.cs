using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Zout.Basisondersteuning.Web.Domain;
using Zout.Basisondersteuning.Web.Domain.Accounts;
using Zout.Basisondersteuning.Web.Domain.Administration;
using Zout.Basisondersteuning.Web.Domain.Dashboards;
using Zout.Basisondersteuning.Web.Domain.Documents;
using Zout.Basisondersteuning.Web.Domain.Notifications;
using Zout.Basisondersteuning.Web.Domain.Scans;
using Zout.Basisondersteuning.Web.Domain.Support;
using Zout.Basisondersteuning.Web.Domain.Team;

namespace Zout.Basisondersteuning.Web.Data;

/// <summary>
/// The one database context. Each provider has a subclass (<see cref="SqliteAppDbContext"/>,
/// <see cref="SqlServerAppDbContext"/>) only so EF Core can keep a migration set per provider;
/// the rest of the code asks for <see cref="AppDbContext"/>.
/// </summary>
public abstract class AppDbContext(DbContextOptions options) : IdentityDbContext<AppUser>(options), IDataProtectionKeyContext
{
    /// <summary>The data-protection keys, shared by every app instance on this database (Infrastructure/Security/DataProtectionSetup).</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<RateLimitCounter> RateLimitCounters => Set<RateLimitCounter>();

    public DbSet<Partnership> Partnerships => Set<Partnership>();
    public DbSet<Region> Regions => Set<Region>();
    public DbSet<Board> Boards => Set<Board>();
    public DbSet<School> Schools => Set<School>();
    public DbSet<SchoolYear> SchoolYears => Set<SchoolYear>();
    public DbSet<ScanFramework> ScanFrameworks => Set<ScanFramework>();
    public DbSet<Scan> Scans => Set<Scan>();
    public DbSet<ScanSection> ScanSections => Set<ScanSection>();
    public DbSet<ScanAnswer> ScanAnswers => Set<ScanAnswer>();
    public DbSet<ScanTransition> ScanTransitions => Set<ScanTransition>();
    public DbSet<ScanAuditEntry> ScanAuditEntries => Set<ScanAuditEntry>();
    public DbSet<ScanDraft> ScanDrafts => Set<ScanDraft>();
    public DbSet<RescuedForm> RescuedForms => Set<RescuedForm>();
    public DbSet<DevelopmentPoint> DevelopmentPoints => Set<DevelopmentPoint>();
    public DbSet<PublishedDocument> PublishedDocuments => Set<PublishedDocument>();
    public DbSet<ScanSummary> ScanSummaries => Set<ScanSummary>();
    public DbSet<ChangeCounter> ChangeCounters => Set<ChangeCounter>();

    // Partnership administration
    public DbSet<AuditLogEntry> AuditLog => Set<AuditLogEntry>();
    public DbSet<ImportUpload> ImportUploads => Set<ImportUpload>();
    public DbSet<ScheduledRun> ScheduledRuns => Set<ScheduledRun>();
    public DbSet<SupportArrangement> SupportArrangements => Set<SupportArrangement>();
    public DbSet<SupportOffering> SupportOfferings => Set<SupportOffering>();
    public DbSet<BulkJob> BulkJobs => Set<BulkJob>();

    // Team Basisondersteuning (issue 11)
    public DbSet<Conversation> Conversations => Set<Conversation>();
    public DbSet<ConversationAgreement> ConversationAgreements => Set<ConversationAgreement>();
    public DbSet<ConversationResponse> ConversationResponses => Set<ConversationResponse>();
    public DbSet<BoardMeeting> BoardMeetings => Set<BoardMeeting>();
    public DbSet<SupportRequest> SupportRequests => Set<SupportRequest>();
    public DbSet<SupportRequestMessage> SupportRequestMessages => Set<SupportRequestMessage>();
    public DbSet<SchoolConnection> SchoolConnections => Set<SchoolConnection>();
    public DbSet<NeedSignal> NeedSignals => Set<NeedSignal>();
    public DbSet<JointTraining> JointTrainings => Set<JointTraining>();
    public DbSet<JointTrainingInvitation> JointTrainingInvitations => Set<JointTrainingInvitation>();
    public DbSet<ImplementationPhaseStep> ImplementationPhaseSteps => Set<ImplementationPhaseStep>();
    public DbSet<Notification> Notifications => Set<Notification>();

    /// <summary>Inside <see cref="SaveChangesAsync(bool, CancellationToken)"/>: a save started by an interceptor's after-save step.</summary>
    private bool _saving;

    /// <summary>
    /// Compares the tracked entities with their snapshots once per save. Each interceptor that lists the tracker's
    /// entries, and EF Core's save itself, would otherwise compare them again: five times per save, ten for a section
    /// save with its summary rebuild, and half of the CPU inside a section save's write transaction (issue 15). The
    /// interceptors change what they change through the entry (<see cref="Interceptors.AuditableEntityInterceptor"/>),
    /// which the tracker sees at once. A caller that turned automatic detection off (a bulk import) keeps it off.
    /// </summary>
    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        if (!ChangeTracker.AutoDetectChangesEnabled && !_saving) return base.SaveChanges(acceptAllChangesOnSuccess);
        var outer = _saving;
        ChangeTracker.DetectChanges();
        ChangeTracker.AutoDetectChangesEnabled = false;
        _saving = true;
        try
        {
            return base.SaveChanges(acceptAllChangesOnSuccess);
        }
        finally
        {
            _saving = outer;
            ChangeTracker.AutoDetectChangesEnabled = !outer;
        }
    }

    /// <inheritdoc cref="SaveChanges(bool)"/>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        if (!ChangeTracker.AutoDetectChangesEnabled && !_saving) return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        var outer = _saving;
        ChangeTracker.DetectChanges();
        ChangeTracker.AutoDetectChangesEnabled = false;
        _saving = true;
        try
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        finally
        {
            _saving = outer;
            ChangeTracker.AutoDetectChangesEnabled = !outer;
        }
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite cannot order or compare DateTimeOffset; store it as UTC ticks there, natively elsewhere.
        if (Database.IsSqlite())
        {
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToUtcTicksConverter>();
            configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<DateTimeOffsetToUtcTicksConverter>();
            // SQLite has no decimal type; amounts are kept exact as hundredths in an integer column.
            configurationBuilder.Properties<decimal>().HaveConversion<DecimalToHundredthsConverter>();
            configurationBuilder.Properties<decimal?>().HaveConversion<DecimalToHundredthsConverter>();
        }
    }
}

public sealed class SqliteAppDbContext(DbContextOptions<SqliteAppDbContext> options) : AppDbContext(options);

public sealed class SqlServerAppDbContext(DbContextOptions<SqlServerAppDbContext> options) : AppDbContext(options);

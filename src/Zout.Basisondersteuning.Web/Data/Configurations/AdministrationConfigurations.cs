using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Zout.Basisondersteuning.Web.Domain.Administration;
using Zout.Basisondersteuning.Web.Domain.Support;

namespace Zout.Basisondersteuning.Web.Data.Configurations;

public sealed class AuditLogEntryConfiguration : IEntityTypeConfiguration<AuditLogEntry>
{
    public void Configure(EntityTypeBuilder<AuditLogEntry> builder)
    {
        builder.Property(e => e.Action).HasMaxLength(AuditLogEntry.ActionMaxLength);
        builder.Property(e => e.UserId).HasMaxLength(450);
        builder.Property(e => e.Actor).HasMaxLength(256);
        builder.Property(e => e.Subject).HasMaxLength(AuditLogEntry.TextMaxLength);
        builder.Property(e => e.Description).HasMaxLength(AuditLogEntry.TextMaxLength);
        builder.Property(e => e.IpAddress).HasMaxLength(64);
        builder.HasIndex(e => e.At);
        builder.HasIndex(e => new { e.Action, e.At });
    }
}

public sealed class ImportUploadConfiguration : IEntityTypeConfiguration<ImportUpload>
{
    public void Configure(EntityTypeBuilder<ImportUpload> builder)
    {
        builder.HasKey(u => u.Id);
        builder.Property(u => u.Id).HasMaxLength(32);
        builder.Property(u => u.Kind).HasConversion<int>();
        builder.Property(u => u.FileName).HasMaxLength(ImportUpload.FileNameMaxLength);
        builder.Property(u => u.UploadedBy).HasMaxLength(256);
    }
}

public sealed class ScheduledRunConfiguration : IEntityTypeConfiguration<ScheduledRun>
{
    public const string JobDayIndex = "IX_ScheduledRuns_JobName_RunDate";

    public void Configure(EntityTypeBuilder<ScheduledRun> builder)
    {
        builder.Property(r => r.JobName).HasMaxLength(ScheduledRun.JobNameMaxLength);
        builder.Property(r => r.Instance).HasMaxLength(200);
        builder.Property(r => r.Result).HasMaxLength(500);
        builder.HasIndex(r => new { r.JobName, r.RunDate }).IsUnique().HasDatabaseName(JobDayIndex);
    }
}

public sealed class SupportArrangementConfiguration : IEntityTypeConfiguration<SupportArrangement>
{
    public const string RegionsTable = "SupportArrangementRegions";

    public void Configure(EntityTypeBuilder<SupportArrangement> builder)
    {
        builder.Property(a => a.Name).HasMaxLength(SupportArrangement.NameMaxLength);
        builder.Property(a => a.Description).HasMaxLength(SupportArrangement.DescriptionMaxLength);
        builder.Property(a => a.TargetGroup).HasMaxLength(SupportArrangement.ShortTextMaxLength);
        builder.Property(a => a.Form).HasConversion<int>();
        builder.Property(a => a.Relation).HasConversion<int>();
        builder.Property(a => a.Durations).HasConversion<int>();
        builder.Property(a => a.Status).HasConversion<int>();
        builder.Property(a => a.Location).HasMaxLength(SupportArrangement.LocationMaxLength);
        builder.Property(a => a.HowToApply).HasMaxLength(SupportArrangement.ShortTextMaxLength);
        builder.Property(a => a.Contact).HasMaxLength(SupportArrangement.ShortTextMaxLength);
        builder.Property(a => a.CreatedBy).HasMaxLength(256);
        builder.Property(a => a.UpdatedBy).HasMaxLength(256);
        builder.Property(a => a.UpdatedAt).IsConcurrencyToken();
        builder.HasOne(a => a.SchoolYear).WithMany().HasForeignKey(a => a.SchoolYearId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(a => a.HostSchool).WithMany().HasForeignKey(a => a.HostSchoolId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(a => a.Regions).WithMany().UsingEntity(RegionsTable);
        builder.HasIndex(a => new { a.SchoolYearId, a.SortOrder });
    }
}

public sealed class SupportOfferingConfiguration : IEntityTypeConfiguration<SupportOffering>
{
    public void Configure(EntityTypeBuilder<SupportOffering> builder)
    {
        builder.Property(o => o.SopFraming).HasMaxLength(SupportOffering.TextMaxLength);
        builder.Property(o => o.Introduction).HasMaxLength(SupportOffering.TextMaxLength);
        builder.Property(o => o.Phase1Title).HasMaxLength(SupportOffering.TitleMaxLength);
        builder.Property(o => o.Phase1).HasMaxLength(SupportOffering.TextMaxLength);
        builder.Property(o => o.Phase2Title).HasMaxLength(SupportOffering.TitleMaxLength);
        builder.Property(o => o.Phase2).HasMaxLength(SupportOffering.TextMaxLength);
        builder.Property(o => o.Phase3Title).HasMaxLength(SupportOffering.TitleMaxLength);
        builder.Property(o => o.Phase3).HasMaxLength(SupportOffering.TextMaxLength);
        builder.Property(o => o.Phase4Title).HasMaxLength(SupportOffering.TitleMaxLength);
        builder.Property(o => o.Phase4).HasMaxLength(SupportOffering.TextMaxLength);
        builder.Property(o => o.FollowUpTitle).HasMaxLength(SupportOffering.TitleMaxLength);
        builder.Property(o => o.FollowUp).HasMaxLength(SupportOffering.TextMaxLength);
        builder.Property(o => o.CreatedBy).HasMaxLength(256);
        builder.Property(o => o.UpdatedBy).HasMaxLength(256);
        builder.Property(o => o.UpdatedAt).IsConcurrencyToken();
        builder.HasOne(o => o.SchoolYear).WithMany().HasForeignKey(o => o.SchoolYearId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(o => o.SchoolYearId).IsUnique();
    }
}

public sealed class RateLimitCounterConfiguration : IEntityTypeConfiguration<RateLimitCounter>
{
    public void Configure(EntityTypeBuilder<RateLimitCounter> builder)
    {
        builder.HasKey(c => c.Key);
        builder.Property(c => c.Key).HasMaxLength(RateLimitCounter.KeyMaxLength);
        builder.HasIndex(c => c.ExpiresAt);
    }
}

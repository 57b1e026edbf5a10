using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Zout.Basisondersteuning.Web.Domain.Scans;

namespace Zout.Basisondersteuning.Web.Data.Configurations;

public sealed class ScanFrameworkConfiguration : IEntityTypeConfiguration<ScanFramework>
{
    public const string SchoolYearIndex = "IX_ScanFrameworks_SchoolYearId";

    public void Configure(EntityTypeBuilder<ScanFramework> builder)
    {
        builder.HasIndex(f => f.SchoolYearId).IsUnique().HasDatabaseName(SchoolYearIndex);
        builder.HasOne(f => f.SchoolYear).WithMany().HasForeignKey(f => f.SchoolYearId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(f => f.Version).IsConcurrencyToken();
        builder.Property(f => f.CreatedBy).HasMaxLength(256);
        builder.Property(f => f.UpdatedBy).HasMaxLength(256);
    }
}

public sealed class ScanConfiguration : IEntityTypeConfiguration<Scan>
{
    public const string SchoolYearIndex = "IX_Scans_SchoolId_SchoolYearId";

    public void Configure(EntityTypeBuilder<Scan> builder)
    {
        builder.HasIndex(s => new { s.SchoolId, s.SchoolYearId }).IsUnique().HasDatabaseName(SchoolYearIndex);
        builder.HasIndex(s => new { s.SchoolYearId, s.Status });
        builder.HasOne(s => s.School).WithMany().HasForeignKey(s => s.SchoolId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(s => s.SchoolYear).WithMany().HasForeignKey(s => s.SchoolYearId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(s => s.CarriedOverFrom).WithMany().HasForeignKey(s => s.CarriedOverFromScanId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.Property(s => s.SubmittedBy).HasMaxLength(256);
        builder.Property(s => s.AdoptedBy).HasMaxLength(256);
        builder.Property(s => s.CreatedBy).HasMaxLength(256);
        builder.Property(s => s.UpdatedBy).HasMaxLength(256);
        builder.HasMany(s => s.Sections).WithOne(x => x.Scan).HasForeignKey(x => x.ScanId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(s => s.Answers).WithOne(x => x.Scan).HasForeignKey(x => x.ScanId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(s => s.Transitions).WithOne().HasForeignKey(x => x.ScanId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class ScanSectionConfiguration : IEntityTypeConfiguration<ScanSection>
{
    public const int KeyMaxLength = 120;

    public void Configure(EntityTypeBuilder<ScanSection> builder)
    {
        builder.Property(s => s.Key).HasMaxLength(KeyMaxLength);
        builder.HasIndex(s => new { s.ScanId, s.Key }).IsUnique();
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.Property(s => s.SavedBy).HasMaxLength(256);
    }
}

public sealed class ScanAnswerConfiguration : IEntityTypeConfiguration<ScanAnswer>
{
    public const int ItemKeyMaxLength = 200;
    public const int TextMaxLength = 8000;

    public void Configure(EntityTypeBuilder<ScanAnswer> builder)
    {
        builder.Property(a => a.ItemKey).HasMaxLength(ItemKeyMaxLength);
        builder.HasIndex(a => new { a.ScanId, a.ItemKey }).IsUnique();
        builder.Property(a => a.Text).HasMaxLength(TextMaxLength);
        builder.Property(a => a.Number).HasPrecision(18, 2);
    }
}

public sealed class ScanTransitionConfiguration : IEntityTypeConfiguration<ScanTransition>
{
    public void Configure(EntityTypeBuilder<ScanTransition> builder)
    {
        builder.Property(t => t.By).HasMaxLength(256);
        builder.Property(t => t.Reason).HasMaxLength(2000);
        builder.HasIndex(t => t.ScanId);
    }
}

public sealed class ScanAuditEntryConfiguration : IEntityTypeConfiguration<ScanAuditEntry>
{
    public void Configure(EntityTypeBuilder<ScanAuditEntry> builder)
    {
        builder.Property(a => a.By).HasMaxLength(256);
        builder.Property(a => a.ItemKey).HasMaxLength(ScanAnswerConfiguration.ItemKeyMaxLength);
        builder.Property(a => a.Field).HasMaxLength(50);
        builder.Property(a => a.OldValue).HasMaxLength(ScanAnswerConfiguration.TextMaxLength);
        builder.Property(a => a.NewValue).HasMaxLength(ScanAnswerConfiguration.TextMaxLength);
        builder.HasIndex(a => new { a.ScanId, a.At });
        builder.HasOne<Scan>().WithMany().HasForeignKey(a => a.ScanId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class ScanDraftConfiguration : IEntityTypeConfiguration<ScanDraft>
{
    public void Configure(EntityTypeBuilder<ScanDraft> builder)
    {
        builder.Property(d => d.SectionKey).HasMaxLength(ScanSectionConfiguration.KeyMaxLength);
        builder.Property(d => d.UserId).HasMaxLength(450);
        builder.HasIndex(d => new { d.ScanId, d.SectionKey, d.UserId }).IsUnique();
        builder.HasOne<Scan>().WithMany().HasForeignKey(d => d.ScanId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class RescuedFormConfiguration : IEntityTypeConfiguration<RescuedForm>
{
    public void Configure(EntityTypeBuilder<RescuedForm> builder)
    {
        builder.Property(r => r.Id).HasMaxLength(64);
        builder.Property(r => r.Path).HasMaxLength(500);
        builder.Property(r => r.BrowserKeyHash).HasMaxLength(128);
        builder.HasIndex(r => r.CreatedAt);
        // No foreign key: a rescued form lives a day at most, and on SQLite a new foreign key rebuilds the table outside a transaction.
        builder.HasIndex(r => r.SchoolId);
    }
}

public sealed class DevelopmentPointConfiguration : IEntityTypeConfiguration<DevelopmentPoint>
{
    public const int TitleMaxLength = 200;
    public const int ActionsMaxLength = 4000;

    public void Configure(EntityTypeBuilder<DevelopmentPoint> builder)
    {
        builder.Property(p => p.DomainKey).HasMaxLength(100);
        builder.Property(p => p.AspectKey).HasMaxLength(100);
        builder.Property(p => p.Title).HasMaxLength(TitleMaxLength);
        builder.Property(p => p.Actions).HasMaxLength(ActionsMaxLength);
        builder.Property(p => p.Owner).HasMaxLength(200);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.Property(p => p.CreatedBy).HasMaxLength(256);
        builder.Property(p => p.UpdatedBy).HasMaxLength(256);
        builder.HasIndex(p => new { p.SchoolId, p.SchoolYearId });
        builder.HasIndex(p => new { p.SchoolYearId, p.DomainKey, p.AspectKey });
        builder.HasOne(p => p.School).WithMany().HasForeignKey(p => p.SchoolId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(p => p.SchoolYear).WithMany().HasForeignKey(p => p.SchoolYearId).OnDelete(DeleteBehavior.Restrict);
    }
}

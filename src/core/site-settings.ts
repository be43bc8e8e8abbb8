/** Site-wide settings a newsroom configures: identity and social profiles. */
export interface SocialProfile {
  network: 'facebook' | 'x' | 'instagram' | 'youtube' | 'tiktok' | 'telegram' | 'whatsapp' | 'linkedin' | 'mastodon' | 'bluesky';
  url: string;
}

export interface SiteSettings {
  name: string;
  tagline: string;
  socialProfiles: SocialProfile[];
}

export const SOCIAL_NETWORK_NAMES: Record<SocialProfile['network'], string> = {
  facebook: 'Facebook',
  x: 'X (Twitter)',
  instagram: 'Instagram',
  youtube: 'YouTube',
  tiktok: 'TikTok',
  telegram: 'Telegram',
  whatsapp: 'WhatsApp',
  linkedin: 'LinkedIn',
  mastodon: 'Mastodon',
  bluesky: 'Bluesky',
};

export * from './employer-excess';

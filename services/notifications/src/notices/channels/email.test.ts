import { mailDomain } from './email';

describe('message ids', () => {
  it("take the domain of the sender's address, with or without a display name", () => {
    expect(mailDomain('Workers Compensation Claims <claims@insurer.example>')).toBe('insurer.example');
    expect(mailDomain('claims@mail.insurer.example')).toBe('mail.insurer.example');
    expect(mailDomain('Claims team')).toBe('localhost');
  });
});

import { ConfigError, generateServiceKeys, loadConfig } from '@wc/service-kit';
import { documentsConfigSchema } from './config';
import { LOCAL_INSURER } from './templates/letterhead';

const base = { DATABASE_URL: 'postgres://localhost/wc', KAFKA_BROKERS: '127.0.0.1:9092' };
const insurer = {
  INSURER_LEGAL_NAME: 'Harbour Mutual Insurance Ltd',
  INSURER_NAME: 'Harbour Mutual',
  INSURER_ABN: '51 824 753 556',
  INSURER_ADDRESS: '1 Harbour Street, Sydney NSW 2000',
  INSURER_REPLY_ADDRESS: 'Locked Bag 9, Sydney NSW 2001',
  INSURER_PHONE: '13 00 00',
  INSURER_EMAIL: 'claims@harbour.example',
  INSURER_WEB: 'www.harbour.example',
};
const load = (env: Record<string, string>) => loadConfig(documentsConfigSchema, env);

describe("the insurer's details (letterhead.ts) as configuration", () => {
  it('prints the development insurer in local use when none is given', () => {
    expect(load(base).insurer).toEqual(LOCAL_INSURER);
  });

  it("takes the insurer's own details, the ABN in its digits", () => {
    expect(load({ ...base, DEPLOYMENT: 'production', AUTH_JWT_SECRET: 's'.repeat(40), AUTH_SERVICE_PUBLIC_KEYS: generateServiceKeys().publicKeys, ...insurer }).insurer).toEqual({
      legalName: 'Harbour Mutual Insurance Ltd',
      name: 'Harbour Mutual',
      abn: '51824753556',
      address: '1 Harbour Street, Sydney NSW 2000',
      replyAddress: 'Locked Bag 9, Sydney NSW 2001',
      phone: '13 00 00',
      email: 'claims@harbour.example',
      web: 'www.harbour.example',
    });
  });

  it('refuses to start outside local use without every setting, naming each', () => {
    const { INSURER_ABN, INSURER_WEB, ...rest } = insurer;
    void INSURER_ABN;
    void INSURER_WEB;
    expect(() => load({ ...base, DEPLOYMENT: 'staging', ...rest })).toThrow(ConfigError);
    expect(() => load({ ...base, DEPLOYMENT: 'staging', ...rest })).toThrow(/INSURER_ABN: is required when DEPLOYMENT is staging[\s\S]*INSURER_WEB: is required/);
  });

  it('names a bad setting by its variable: an ABN whose check digits fail, a phone of TBC', () => {
    expect(() => load({ ...base, DEPLOYMENT: 'production', ...insurer, INSURER_ABN: '51 824 753 557' })).toThrow(/INSURER_ABN: must be an ABN of 11 digits with valid check digits/);
    expect(() => load({ ...base, ...insurer, INSURER_PHONE: 'TBC' })).toThrow(/INSURER_PHONE: must be a phone number/);
    expect(() => load({ ...base, ...insurer, INSURER_NAME: 'Harbour\u0007Mutual' })).toThrow(/INSURER_NAME: contains the character U\+0007, which the letters' fonts cannot print/);
  });
});

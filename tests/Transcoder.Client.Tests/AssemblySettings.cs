// A new fixture instance per test: mocks and temp folders in fields never leak from one test into the next.
[assembly: FixtureLifeCycle(LifeCycle.InstancePerTestCase)]

namespace Transcoder.Shared.Tests.Messages;

// Message bodies as AWS documents them:
// https://docs.aws.amazon.com/AmazonS3/latest/userguide/notification-content-structure.html
internal static class S3EventSamples
{
    public const string TestEvent = """
        {
           "Service":"Amazon S3",
           "Event":"s3:TestEvent",
           "Time":"2014-10-13T15:57:02.089Z",
           "Bucket":"amzn-s3-demo-bucket",
           "RequestId":"5582815E1AEA5ADF",
           "HostId":"8cLeGAmw098X5cv4Zkwcmo8vvZa3eH3eKxsPzbB9wrR+YstdA6Knx4Ip8EXAMPLE"
        }
        """;

    // The documentation's PUT example, with a key that needs encoding.
    public static string Put(string encodedKey, string eventName = "ObjectCreated:Put") => $$"""
        {
           "Records":[
              {
                 "eventVersion":"2.1",
                 "eventSource":"aws:s3",
                 "awsRegion":"us-west-2",
                 "eventTime":"1970-01-01T00:00:00.000Z",
                 "eventName":"{{eventName}}",
                 "userIdentity":{ "principalId":"AIDAJDPLRKLG7UEXAMPLE" },
                 "requestParameters":{ "sourceIPAddress":"172.16.0.1" },
                 "responseElements":{
                    "x-amz-request-id":"C3D13FE58DE4C810",
                    "x-amz-id-2":"FMyUVURIY8/IgAtTv8xRjskZQpcIZ9KG4V5Wp6S7S/JRWeUWerMUE5JgHvANOjpD"
                 },
                 "s3":{
                    "s3SchemaVersion":"1.0",
                    "configurationId":"testConfigRule",
                    "bucket":{
                       "name":"amzn-s3-demo-bucket",
                       "ownerIdentity":{ "principalId":"A3NL1KOZZKExample" },
                       "arn":"arn:aws:s3:::amzn-s3-demo-bucket"
                    },
                    "object":{
                       "key":"{{encodedKey}}",
                       "size":1024,
                       "eTag":"d41d8cd98f00b204e9800998ecf8427e",
                       "versionId":"096fKKXTRTtl3on89fVO.nfljtsv6qko",
                       "sequencer":"0055AED6DCD90281E5"
                    }
                 }
              }
           ]
        }
        """;

    public const string TwoRecords = """
        {"Records":[
          {"eventVersion":"2.1","eventSource":"aws:s3","eventName":"ObjectCreated:CompleteMultipartUpload",
           "s3":{"bucket":{"name":"uploads"},"object":{"key":"a/first.mp4","size":5,"eTag":"e1","sequencer":"01"}}},
          {"eventVersion":"2.1","eventSource":"aws:s3","eventName":"ObjectCreated:Copy",
           "s3":{"bucket":{"name":"uploads"},"object":{"key":"b/second+clip.MOV","size":7,"eTag":"e2","sequencer":"02"}}}
        ]}
        """;
}
